<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AccountCard</name>
        <message>
            <location filename="../../ui/workspace/overview.py" line="87" />
            <source>Daily rate %1</source>
            <translation>日利率 %1</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="90" />
            <source>Opened %1</source>
            <translation>开户于 %1</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="95" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="97" />
            <source>Loan limit</source>
            <translation>借款额度</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="97" />
            <source>Credit limit</source>
            <translation>额度</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="99" />
            <source>Used</source>
            <translation>已用</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="100" />
            <source>Available</source>
            <translation>可用</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="101" />
            <source>Balance</source>
            <translation>余额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="102" />
            <source>Past due</source>
            <translation>逾期金额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="104" />
            <source>Days past due</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="107" />
            <source>Next due date</source>
            <translation>下一到期日</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="109" />
            <source>Next due amount</source>
            <translation>下期应还金额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="120" />
            <location filename="../../ui/workspace/overview.py" line="139" />
            <source>Current bill</source>
            <translation>本期账单</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="121" />
            <source>No bill yet: the first statement is cut on the 1st.</source>
            <translation>暂无账单：首期账单于每月1日出具。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="133" />
            <source>Active installment plans: %1 · principal still to bill or pay: %2</source>
            <translation>进行中的分期：%1 笔 · 未出账或未还本金：%2</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="140" />
            <source>Statement date</source>
            <translation>账单日</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="141" />
            <source>Due date</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="142" />
            <source>Total</source>
            <translation>总额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="143" />
            <source>Minimum payment</source>
            <translation>最低还款额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="144" />
            <source>Paid</source>
            <translation>已还</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="145" />
            <source>Outstanding</source>
            <translation>未还</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="149" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>AccountPicker</name>
        <message>
            <location filename="../../ui/workspace/common.py" line="26" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
    </context>
    <context>
        <name>BillsTab</name>
        <message>
            <location filename="../../ui/workspace/bills.py" line="39" />
            <source>Account:</source>
            <translation>账户：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="55" />
            <source>Bills</source>
            <translation>账单</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="68" />
            <source>Bill lines</source>
            <translation>账单明细</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="121" />
            <source>No bills yet: the first statement is cut on the 1st.</source>
            <translation>暂无账单：首期账单于每月1日出具。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="138" />
            <source>Lines of the bill of %1 (due %2)</source>
            <translation>%1 账单明细（到期日 %2）</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/bills.py" line="153" />
            <source>%n line(s) · sum %1</source>
            <translation>
                <numerusform>%n 条 · 合计 %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="155" />
            <source>bill total %1</source>
            <translation>账单总额 %1</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="159" />
            <source>bill total %1: report this bill</source>
            <translation>账单总额 %1：请上报此账单</translation>
        </message>
    </context>
    <context>
        <name>BugReportDialog</name>
        <message>
            <location filename="../../ui/failures.py" line="134" />
            <location filename="../../ui/failures.py" line="137" />
            <source>Something went wrong</source>
            <translation>出错了</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="142" />
            <source>CreditDesk hit a problem it did not expect. What you were doing may not have been saved. Copy this report and send it to support.</source>
            <translation>CreditDesk 遇到了意外问题，刚才的操作可能没有保存。请复制这份报告并发送给技术支持。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="153" />
            <source>Copy report</source>
            <translation>复制报告</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="162" />
            <source>Copied</source>
            <translation>已复制</translation>
        </message>
    </context>
    <context>
        <name>BusyIndicator</name>
        <message>
            <location filename="../../ui/widgets/busy.py" line="32" />
            <source>Loading</source>
            <translation>加载中</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/busy.py" line="33" />
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
    </context>
    <context>
        <name>Chips</name>
        <message>
            <location filename="../../ui/widgets/chips.py" line="46" />
            <location filename="../../ui/widgets/chips.py" line="86" />
            <source>Active</source>
            <translation>正常</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="47" />
            <source>Frozen</source>
            <translation>已冻结</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="48" />
            <source>Closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="49" />
            <source>Charged off</source>
            <translation>已核销</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="59" />
            <source>Current</source>
            <translation>未逾期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="60" />
            <source>M1 overdue</source>
            <translation>M1 逾期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="61" />
            <source>M2 overdue</source>
            <translation>M2 逾期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="62" />
            <source>M3 overdue</source>
            <translation>M3 逾期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="63" />
            <source>M4+ overdue</source>
            <translation>M4+ 逾期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="74" />
            <source>Open</source>
            <translation>待还款</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="75" />
            <location filename="../../ui/widgets/chips.py" line="89" />
            <source>Paid</source>
            <translation>已还</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="76" />
            <location filename="../../ui/widgets/chips.py" line="95" />
            <source>Partially paid</source>
            <translation>部分还款</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="77" />
            <location filename="../../ui/widgets/chips.py" line="92" />
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="87" />
            <source>Paid off</source>
            <translation>已结清</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="88" />
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="90" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="91" />
            <source>Broken</source>
            <translation>已违约</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="93" />
            <source>Pending</source>
            <translation>待处理</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="94" />
            <source>Billed</source>
            <translation>已出账</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="96" />
            <source>Not due</source>
            <translation>未到期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="97" />
            <source>Waived</source>
            <translation>已减免</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="106" />
            <source>Credit line</source>
            <translation>信用额度</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="107" />
            <source>Cash loan</source>
            <translation>现金借款</translation>
        </message>
    </context>
    <context>
        <name>Console</name>
        <message>
            <location filename="../../ui/app.py" line="131" />
            <location filename="../../ui/screenshots.py" line="240" />
            <source>Demo data on this computer (%1)</source>
            <translation>本机演示数据（%1）</translation>
        </message>
    </context>
    <context>
        <name>ConsoleMessages</name>
        <message>
            <location filename="../../ui/console_messages.py" line="13" />
            <source>The username or password is wrong. Check them and try again.</source>
            <translation>用户名或密码错误，请检查后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="14" />
            <source>Your session has ended. Sign in again to continue where you were.</source>
            <translation>您的会话已结束。请重新登录，继续刚才的工作。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="15" />
            <source>The same request is still being processed. Wait a moment and try again.</source>
            <translation>相同的请求仍在处理中，请稍候再试。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="18" />
            <source>Someone else changed this record meanwhile. Reload it to see what changed, then try again.</source>
            <translation>此记录已被他人修改。请重新加载查看变更后再试。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="22" />
            <source>The record's version was not sent with the change. Reload it and try again.</source>
            <translation>提交修改时缺少记录版本。请重新加载后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="25" />
            <source>The server is not available right now. Wait a moment and try again.</source>
            <translation>服务器暂时不可用，请稍候再试。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="28" />
            <source>The server hit an unexpected problem. Try again; if it persists, report it.</source>
            <translation>服务器发生意外错误。请重试；如持续出现，请上报。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="31" />
            <source>The server's answer could not be read. Check the server address, then try again.</source>
            <translation>无法读取服务器的响应。请检查服务器地址后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="35" />
            <source>The server did not answer in time. Check the network connection and try again.</source>
            <translation>服务器响应超时。请检查网络连接后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="39" />
            <source>The server's address could not be found. Check the server address and the network.</source>
            <translation>找不到服务器地址。请检查服务器地址和网络。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="43" />
            <source>Cannot reach the server. Check the network connection or whether the server is running, then try again.</source>
            <translation>无法连接服务器。请检查网络连接或服务器是否在运行，然后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="48" />
            <source>This computer has no usable password store, so your sign-in cannot be remembered; you will be asked for your password at each start.</source>
            <translation>此电脑没有可用的密码存储，无法记住您的登录；每次启动都需要输入密码。</translation>
        </message>
    </context>
    <context>
        <name>CustomerHeader</name>
        <message>
            <location filename="../../ui/workspace/header.py" line="181" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="182" />
            <source>National ID</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="191" />
            <source>Credit limit</source>
            <translation>额度</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="192" />
            <source>Used</source>
            <translation>已用</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="193" />
            <source>Available</source>
            <translation>可用</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="194" />
            <source>Next due date</source>
            <translation>下一到期日</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="195" />
            <source>Amount due</source>
            <translation>应还金额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="196" />
            <source>Days past due</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="197" />
            <source>Open cases</source>
            <translation>未结案件</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="228" />
            <source>The most overdue of the customer's accounts</source>
            <translation>该客户逾期最严重的账户</translation>
        </message>
    </context>
    <context>
        <name>CustomerResultsModel</name>
        <message>
            <location filename="../../ui/search.py" line="75" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="75" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="75" />
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="75" />
            <source>Accounts</source>
            <translation>账户</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="75" />
            <source>Open cases</source>
            <translation>未结案件</translation>
        </message>
    </context>
    <context>
        <name>CustomerWorkspace</name>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="69" />
            <source>Customer %1</source>
            <translation>客户 %1</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="84" />
            <source>Opening customer %1…</source>
            <translation>正在打开客户 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="107" />
            <source>Refresh (F5)</source>
            <translation>刷新 (F5)</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="108" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="119" />
            <source>Overview</source>
            <translation>概览</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="122" />
            <source>Bills</source>
            <translation>账单</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="123" />
            <source>Installments</source>
            <translation>分期</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="124" />
            <source>Transactions</source>
            <translation>交易</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="125" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>Failures</name>
        <message>
            <location filename="../../ui/failures.py" line="59" />
            <source>Something went wrong. It is not your fault; you can copy a report for support.</source>
            <translation>出错了。这不是您的操作问题；您可以复制一份报告发给技术支持。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="74" />
            <source>This user is locked after too many failed sign-ins. Try again later or ask an administrator.</source>
            <translation>登录失败次数过多，该用户已被锁定。请稍后再试或联系管理员。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="77" />
            <source>Demo users can sign in only to a demo server. Ask an administrator for an account.</source>
            <translation>演示用户只能登录演示服务器。请向管理员申请账号。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="79" />
            <source>Signing in failed. Check the username and password and try again.</source>
            <translation>登录失败。请检查用户名和密码后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="82" />
            <source>Your role does not allow this; ask a supervisor if it is needed.</source>
            <translation>您的角色无权执行此操作；如有需要，请联系主管。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="85" />
            <source>It was not found. It may have been removed; refresh and try again.</source>
            <translation>未找到该记录，可能已被删除；请刷新后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="88" />
            <source>This clashes with the current state. Refresh to see it, then try again.</source>
            <translation>此操作与当前状态冲突。请刷新查看后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="91" />
            <source>Some fields are not valid. Correct them and try again.</source>
            <translation>部分字段无效，请更正后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="94" />
            <source>Too many requests for now. Wait a while and try again.</source>
            <translation>请求过于频繁，请稍候再试。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="97" />
            <source>The server could not accept the request. Try again; if it happens again, report it.</source>
            <translation>服务器无法受理该请求。请重试；如再次出现，请上报。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="99" />
            <source>The server could not do this. Try again in a moment.</source>
            <translation>服务器未能完成此操作，请稍后重试。</translation>
        </message>
    </context>
    <context>
        <name>InstallmentsTab</name>
        <message>
            <location filename="../../ui/workspace/installments.py" line="40" />
            <source>Installment plans</source>
            <translation>分期计划</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/installments.py" line="43" />
            <source>No installment plans.</source>
            <translation>没有分期计划。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/installments.py" line="60" />
            <source>Schedule</source>
            <translation>还款计划</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/installments.py" line="114" />
            <source>Schedule of %1: %2, %n term(s)</source>
            <translation>
                <numerusform>%1 的还款计划：%2，共 %n 期</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/workspace/installments.py" line="123" />
            <source>Principal %1 · fee / interest %2 · total %3 · paid %4</source>
            <translation>本金 %1 · 手续费/利息 %2 · 合计 %3 · 已还 %4</translation>
        </message>
    </context>
    <context>
        <name>LaterReleasePage</name>
        <message>
            <location filename="../../ui/main_window.py" line="110" />
            <source>Coming in a later release.</source>
            <translation>将在后续版本中提供。</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../ui/login.py" line="66" />
            <source>Preparing demo data… %1 of %2 customers</source>
            <translation>正在准备演示数据… %1 / %2 位客户</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="70" />
            <source>Preparing the database…</source>
            <translation>正在准备数据库…</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="71" />
            <source>Catching up end of day…</source>
            <translation>正在补跑日终批处理…</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="72" />
            <source>Starting the server…</source>
            <translation>正在启动服务…</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="73" />
            <source>Ready.</source>
            <translation>就绪。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="78" />
            <source>Preparing demo data… The first start takes a little while.</source>
            <translation>正在准备演示数据… 首次启动需要一点时间。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="142" />
            <source>Sign in to CreditDesk</source>
            <translation>登录 CreditDesk</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="178" />
            <source>CreditDesk</source>
            <translation>CreditDesk</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="181" />
            <source>Customer service console</source>
            <translation>信用服务台 · 客户服务工作台</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="185" />
            <source>Demo users (password “demo”)</source>
            <translation>演示用户（密码 “demo”）</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="190" />
            <source>Demo users</source>
            <translation>演示用户</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="194" />
            <source>Click to fill in; double-click to sign in</source>
            <translation>单击填入；双击直接登录</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="205" />
            <location filename="../../ui/login.py" line="272" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="217" />
            <source>Demo data on this computer</source>
            <translation>本机演示数据</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="218" />
            <source>Server address:</source>
            <translation>服务器地址：</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="227" />
            <source>Server address</source>
            <translation>服务器地址</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="230" />
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="233" />
            <location filename="../../ui/login.py" line="234" />
            <source>Username</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="237" />
            <location filename="../../ui/login.py" line="238" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="239" />
            <source>Remember me on this computer</source>
            <translation>在此电脑上记住我</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="245" />
            <source>This computer has no usable password store, so your sign-in will not be remembered; you will be asked for your password at each start.</source>
            <translation>此电脑没有可用的密码存储，您的登录不会被记住；每次启动都需要输入密码。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="277" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="290" />
            <source>Not available with a server given on the command line</source>
            <translation>命令行已指定服务器，此项不可用</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="323" />
            <source>Preparing demo data…</source>
            <translation>正在准备演示数据…</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="371" />
            <source>Demo data is ready.</source>
            <translation>演示数据已就绪。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="382" />
            <source>The demo data could not be prepared: %1</source>
            <translation>无法准备演示数据：%1</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="412" />
            <source>Resuming your session…</source>
            <translation>正在恢复您的会话…</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="440" />
            <source>Enter the server address, starting with http:// or https://.</source>
            <translation>请输入以 http:// 或 https:// 开头的服务器地址。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="444" />
            <source>Enter your username.</source>
            <translation>请输入用户名。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="448" />
            <source>Enter your password.</source>
            <translation>请输入密码。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="456" />
            <source>Signing in as soon as the demo data is ready…</source>
            <translation>演示数据就绪后将自动登录…</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="462" />
            <source>Signing in…</source>
            <translation>正在登录…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="53" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="54" />
            <source>My cases</source>
            <translation>我的案件</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="55" />
            <source>Queues</source>
            <translation>案件队列</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="56" />
            <source>Approvals</source>
            <translation>待审批</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="57" />
            <source>Dashboard</source>
            <translation>仪表盘</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="58" />
            <source>Audit trail</source>
            <translation>审计记录</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="59" />
            <source>Users and roles</source>
            <translation>用户与角色</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="66" />
            <source>The disputes, fraud reports and arrangements assigned to you, by deadline.</source>
            <translation>分配给您的争议、欺诈报告和还款安排，按截止时间排序。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="69" />
            <source>The dispute and fraud queues with their SLA state, and “take next”.</source>
            <translation>争议与欺诈队列及其 SLA 状态，以及“领取下一件”。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="72" />
            <source>Arrangements and large dispute outcomes waiting for a supervisor's approval.</source>
            <translation>等待主管审批的还款安排和大额争议处理结果。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="75" />
            <source>Queue depth, cases at risk or breached, ageing and approvals waiting.</source>
            <translation>队列积压、临近超时或已超时的案件、账龄及待审批事项。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="78" />
            <source>Who changed or revealed what, and when.</source>
            <translation>谁在何时修改或查看了哪些信息。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="79" />
            <source>Users, roles and policy limits.</source>
            <translation>用户、角色与政策限额。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="172" />
            <source>CreditDesk — %1</source>
            <translation>CreditDesk — %1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="188" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="189" />
            <source>Log &amp;out</source>
            <translation>退出登录(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="193" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="198" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="199" />
            <source>Find customer</source>
            <translation>查找客户</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="204" />
            <location filename="../../ui/main_window.py" line="428" />
            <source>Close customer tab</source>
            <translation>关闭客户标签页</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="210" />
            <source>Theme</source>
            <translation>主题</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="213" />
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="213" />
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="222" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="233" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="234" />
            <location filename="../../ui/main_window.py" line="557" />
            <source>About CreditDesk</source>
            <translation>关于 CreditDesk</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="249" />
            <source>CreditDesk</source>
            <translation>CreditDesk</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="257" />
            <source>Search: phone number, account number, name or ID last 4  (Ctrl+K)</source>
            <translation>搜索：手机号、账号、姓名或身份证后4位  (Ctrl+K)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="259" />
            <source>Search customers</source>
            <translation>搜索客户</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="278" />
            <source>Views</source>
            <translation>视图</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="308" />
            <source>Coming in a later release</source>
            <translation>将在后续版本中提供</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="317" />
            <source>Customer search is not part of the %1 role</source>
            <translation>%1角色不包含客户搜索</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="343" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="347" />
            <source>Signed in as %1</source>
            <translation>已登录：%1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="427" />
            <source>Close (Ctrl+W)</source>
            <translation>关闭 (Ctrl+W)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="558" />
            <source>CreditDesk — customer service console for consumer credit.
All data in the demo is fictional.</source>
            <translation>CreditDesk — 消费信贷客户服务工作台。
演示中的所有数据均为虚构。</translation>
        </message>
    </context>
    <context>
        <name>MaskedField</name>
        <message>
            <location filename="../../ui/workspace/header.py" line="117" />
            <source>(none on file)</source>
            <translation>（未登记）</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="137" />
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="138" />
            <source>Show the masked value again</source>
            <translation>重新显示掩码值</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="141" />
            <source>Reveal</source>
            <translation>查看完整</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="142" />
            <source>Show the full value; asks for a reason, which is audited</source>
            <translation>显示完整信息；需填写原因，并记入审计</translation>
        </message>
    </context>
    <context>
        <name>NotesTab</name>
        <message>
            <location filename="../../ui/workspace/notes.py" line="87" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="98" />
            <source>Write a contact note: what the caller asked, what you did or promised…</source>
            <translation>填写联络备注：来电人咨询了什么，您做了什么或承诺了什么…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="99" />
            <source>New note</source>
            <translation>新备注</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="103" />
            <source>On account:</source>
            <translation>账户：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="106" />
            <source>Channel:</source>
            <translation>渠道：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="115" />
            <source>Add note</source>
            <translation>添加备注</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="116" />
            <source>Save the note (Ctrl+Enter)</source>
            <translation>保存备注 (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="181" />
            <source>No contact notes yet.</source>
            <translation>暂无联络备注。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/notes.py" line="183" />
            <source>The latest %n note(s), newest first.</source>
            <translation>
                <numerusform>最近 %n 条备注，最新的在前。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/notes.py" line="185" />
            <source>%n note(s), newest first.</source>
            <translation>
                <numerusform>%n 条备注，最新的在前。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OverviewTab</name>
        <message>
            <location filename="../../ui/workspace/overview.py" line="204" />
            <source>This customer has no accounts.</source>
            <translation>该客户没有账户。</translation>
        </message>
    </context>
    <context>
        <name>ReloginDialog</name>
        <message>
            <location filename="../../ui/login.py" line="518" />
            <source>Sign in again</source>
            <translation>重新登录</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="523" />
            <source>Your session has ended</source>
            <translation>您的会话已结束</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="527" />
            <source>Enter the password of %1 to continue where you were. Nothing on screen is lost.</source>
            <translation>请输入 %1 的密码以继续刚才的工作，屏幕上的内容不会丢失。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="535" />
            <source>Username</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="538" />
            <location filename="../../ui/login.py" line="539" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="550" />
            <source>Log out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="551" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="567" />
            <source>Enter your password.</source>
            <translation>请输入密码。</translation>
        </message>
    </context>
    <context>
        <name>RevealDialog</name>
        <message>
            <location filename="../../ui/workspace/reveal.py" line="45" />
            <source>Reveal %1</source>
            <translation>查看完整%1</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/reveal.py" line="51" />
            <source>Reveal the full %1 of %2? Your reason is kept in the audit trail, and reveals are limited per hour.</source>
            <translation>要查看 %2 的完整%1吗？您填写的原因将记入审计记录，且每小时查看次数有限。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/reveal.py" line="57" />
            <source>Reason (at least %n characters):</source>
            <translation>
                <numerusform>原因（至少 %n 个字符）：</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/workspace/reveal.py" line="62" />
            <source>Caller asked to confirm the number on file</source>
            <translation>来电人要求核对登记的号码</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/reveal.py" line="63" />
            <source>Identity check: caller gave a number to compare</source>
            <translation>身份核验：来电人提供号码以供比对</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/reveal.py" line="64" />
            <source>Customer requested a correction of their data</source>
            <translation>客户要求更正个人信息</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/reveal.py" line="71" />
            <source>Why do you need to see it?</source>
            <translation>为什么需要查看？</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/reveal.py" line="86" />
            <source>Reveal</source>
            <translation>查看完整</translation>
        </message>
    </context>
    <context>
        <name>Roles</name>
        <message>
            <location filename="../../ui/roles.py" line="8" />
            <source>Agent</source>
            <translation>坐席</translation>
        </message>
        <message>
            <location filename="../../ui/roles.py" line="9" />
            <source>Dispute handler</source>
            <translation>争议处理专员</translation>
        </message>
        <message>
            <location filename="../../ui/roles.py" line="10" />
            <source>Supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <location filename="../../ui/roles.py" line="11" />
            <source>Admin</source>
            <translation>管理员</translation>
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message>
            <location filename="../../ui/search.py" line="318" />
            <source>Find a customer by full phone number, account number (HB…), name, or the last 4 digits of the ID number.

Press Ctrl+K to search from anywhere.</source>
            <translation>按完整手机号、账号（HB…）、姓名或身份证后4位查找客户。

在任何界面按 Ctrl+K 即可搜索。</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="331" />
            <source>No customer matches “%1”. Check the number, or try the name or the account number.</source>
            <translation>没有与“%1”匹配的客户。请检查号码，或改用姓名、账号搜索。</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="339" />
            <source>%1 customers for “%2”</source>
            <translation>“%2”共 %1 位客户</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="341" />
            <source>1 customer for “%1”</source>
            <translation>“%1”共 1 位客户</translation>
        </message>
    </context>
    <context>
        <name>TransactionsTab</name>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="27" />
            <source>All types</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="28" />
            <source>Purchases</source>
            <translation>消费</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="29" />
            <source>Repayments</source>
            <translation>还款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="30" />
            <source>Refunds</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="31" />
            <source>Credits (repayments, refunds, waivers)</source>
            <translation>贷记（还款、退款、减免）</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="33" />
            <source>Disputes and fraud</source>
            <translation>争议与欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="35" />
            <source>Installments</source>
            <translation>分期</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="37" />
            <source>Interest and penalties</source>
            <translation>利息与罚息</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="38" />
            <source>Fees and waivers</source>
            <translation>手续费与减免</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="39" />
            <source>Cash loan</source>
            <translation>现金借款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="40" />
            <source>Adjustments and hardship plans</source>
            <translation>调整与协商还款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="76" />
            <source>Account:</source>
            <translation>账户：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="81" />
            <source>Type:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="89" />
            <source>Dates</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="90" />
            <source>Only transactions between these business dates (inclusive)</source>
            <translation>仅显示这两个营业日之间（含）的交易</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="112" />
            <source>Transactions</source>
            <translation>交易</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="227" />
            <source>Loading transactions…</source>
            <translation>正在加载交易…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="229" />
            <source>No transactions match these filters.</source>
            <translation>没有符合筛选条件的交易。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/transactions.py" line="231" />
            <source>%n transaction(s) loaded, newest first; more load as you scroll.</source>
            <translation>
                <numerusform>已加载 %n 笔交易，最新的在前；向下滚动加载更多。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/transactions.py" line="233" />
            <source>All %n transaction(s) shown, newest first.</source>
            <translation>
                <numerusform>已显示全部 %n 笔交易，最新的在前。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WorkspaceLabels</name>
        <message>
            <location filename="../../ui/workspace/labels.py" line="24" />
            <source>Bill installment</source>
            <translation>账单分期</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="25" />
            <source>Purchase installment</source>
            <translation>交易分期</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="26" />
            <source>Cash loan</source>
            <translation>现金借款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="27" />
            <source>Hardship plan</source>
            <translation>协商还款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="31" />
            <source>Active</source>
            <translation>正常</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="32" />
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="33" />
            <source>Paid off early</source>
            <translation>提前结清</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="34" />
            <source>Broken</source>
            <translation>已违约</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="38" />
            <source>Scheduled</source>
            <translation>待出账</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="39" />
            <source>Billed</source>
            <translation>已出账</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="40" />
            <source>Partially paid</source>
            <translation>部分还款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="41" />
            <source>Paid</source>
            <translation>已还</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="42" />
            <source>Waived</source>
            <translation>已减免</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="43" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="47" />
            <source>Purchase</source>
            <translation>消费</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="48" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="49" />
            <source>Repayment</source>
            <translation>还款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="50" />
            <source>Loan disbursement</source>
            <translation>借款放款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="51" />
            <source>Converted to installments</source>
            <translation>转为分期</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="52" />
            <source>Installment principal</source>
            <translation>分期本金</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="53" />
            <source>Installment fee</source>
            <translation>分期手续费</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="54" />
            <source>Loan principal</source>
            <translation>借款本金</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="55" />
            <source>Loan interest</source>
            <translation>借款利息</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="56" />
            <source>Fee</source>
            <translation>手续费</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="57" />
            <source>Interest</source>
            <translation>利息</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="58" />
            <source>Penalty interest</source>
            <translation>罚息</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="59" />
            <source>Fee waiver</source>
            <translation>费用减免</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="60" />
            <source>Adjustment</source>
            <translation>调整</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="61" />
            <source>Fee reversal</source>
            <translation>费用减免</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="62" />
            <source>Provisional credit (dispute)</source>
            <translation>争议临时贷记</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="63" />
            <source>Provisional credit reversed</source>
            <translation>临时贷记冲回</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="64" />
            <source>Dispute refund</source>
            <translation>争议退款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="65" />
            <source>Write-off</source>
            <translation>核销</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="66" />
            <source>Bill converted to installments</source>
            <translation>账单分期转入</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="67" />
            <source>Moved into a hardship plan</source>
            <translation>转入协商还款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="68" />
            <source>Previous balance</source>
            <translation>上期余额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="97" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="98" />
            <source>Chat</source>
            <translation>在线聊天</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="99" />
            <source>Email</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="100" />
            <source>Branch</source>
            <translation>网点</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="104" />
            <source>phone number</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="105" />
            <source>national ID</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="106" />
            <source>bank card</source>
            <translation>银行卡号</translation>
        </message>
    </context>
    <context>
        <name>WorkspaceModels</name>
        <message>
            <location filename="../../ui/workspace/models.py" line="203" />
            <source>Credit: reduces what the customer owes</source>
            <translation>贷记：减少客户欠款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="228" />
            <source>Statement date</source>
            <translation>账单日</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="229" />
            <location filename="../../ui/workspace/models.py" line="292" />
            <source>Due date</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="230" />
            <location filename="../../ui/workspace/models.py" line="295" />
            <source>Total</source>
            <translation>总额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="231" />
            <source>Minimum</source>
            <translation>最低还款额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="232" />
            <location filename="../../ui/workspace/models.py" line="296" />
            <source>Paid</source>
            <translation>已还</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="233" />
            <source>Outstanding</source>
            <translation>未还</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="234" />
            <location filename="../../ui/workspace/models.py" line="275" />
            <location filename="../../ui/workspace/models.py" line="297" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="247" />
            <location filename="../../ui/workspace/models.py" line="365" />
            <source>Posted</source>
            <translation>入账时间</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="248" />
            <location filename="../../ui/workspace/models.py" line="366" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="249" />
            <location filename="../../ui/workspace/models.py" line="270" />
            <location filename="../../ui/workspace/models.py" line="368" />
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="250" />
            <location filename="../../ui/workspace/models.py" line="369" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="268" />
            <location filename="../../ui/workspace/models.py" line="315" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="269" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="271" />
            <location filename="../../ui/workspace/models.py" line="293" />
            <source>Principal</source>
            <translation>本金</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="272" />
            <location filename="../../ui/workspace/models.py" line="294" />
            <source>Fee / interest</source>
            <translation>手续费/利息</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="273" />
            <source>Terms</source>
            <translation>期数</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="274" />
            <source>Principal left</source>
            <translation>剩余本金</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="276" />
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="291" />
            <source>Period</source>
            <translation>期次</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="312" />
            <source>Written</source>
            <translation>填写时间</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="313" />
            <source>By</source>
            <translation>填写人</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="314" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="316" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="367" />
            <source>Merchant</source>
            <translation>商户</translation>
        </message>
    </context>
    <context>
        <name>banner</name>
        <message>
            <location filename="../../ui/widgets/banner.py" line="139" />
            <source>Details…</source>
            <translation>详情…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/banner.py" line="142" />
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/banner.py" line="149" />
            <location filename="../../ui/widgets/banner.py" line="150" />
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
    </context>
</TS>
