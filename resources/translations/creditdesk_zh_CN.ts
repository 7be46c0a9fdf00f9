<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AccountCard</name>
        <message>
            <location filename="../../ui/workspace/overview.py" line="96" />
            <source>Daily rate %1</source>
            <translation>日利率 %1</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="99" />
            <source>Opened %1</source>
            <translation>开户于 %1</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="104" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="106" />
            <source>Loan limit</source>
            <translation>借款额度</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="106" />
            <source>Credit limit</source>
            <translation>额度</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="108" />
            <source>Used</source>
            <translation>已用</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="109" />
            <source>Available</source>
            <translation>可用</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="110" />
            <source>Balance</source>
            <translation>余额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="111" />
            <source>Past due</source>
            <translation>逾期金额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="113" />
            <source>Days past due</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="116" />
            <source>Next due date</source>
            <translation>下一到期日</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="118" />
            <source>Next due amount</source>
            <translation>下期应还金额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="129" />
            <location filename="../../ui/workspace/overview.py" line="130" />
            <location filename="../../ui/workspace/overview.py" line="156" />
            <location filename="../../ui/workspace/overview.py" line="157" />
            <source>Current bill</source>
            <translation>本期账单</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="131" />
            <source>No bill yet: the first statement is cut on the 1st.</source>
            <translation>暂无账单：首期账单于每月1日出具。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="134" />
            <source>Last bill</source>
            <translation>最近一期账单</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="135" />
            <source>The loan is paid off: nothing more is billed.</source>
            <translation>该贷款已结清，不再出账。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="150" />
            <source>Active installment plans: %1 · principal still to bill or pay: %2</source>
            <translation>进行中的分期：%1 笔 · 未出账或未还本金：%2</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="158" />
            <source>Statement date</source>
            <translation>账单日</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="159" />
            <source>Due date</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="160" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="161" />
            <source>Minimum payment</source>
            <translation>最低还款额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="162" />
            <source>Paid</source>
            <translation>已还</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="163" />
            <source>Outstanding</source>
            <translation>未还</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/overview.py" line="167" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>AccountPicker</name>
        <message>
            <location filename="../../ui/workspace/common.py" line="25" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
    </context>
    <context>
        <name>AdminLabels</name>
        <message>
            <location filename="../../ui/admin/labels.py" line="14" />
            <source>Due-date extension an agent may grant alone</source>
            <translation>坐席可自行批准的延期天数</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="15" />
            <source>Due-date extension at most (with a supervisor)</source>
            <translation>延期上限（经主管批准）</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="16" />
            <source>One due-date extension per this many days</source>
            <translation>每多少天内限延期一次</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="17" />
            <source>Hardship plan term an agent may grant alone</source>
            <translation>坐席可自行批准的协商还款期数</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="18" />
            <source>Hardship plan: shortest term</source>
            <translation>协商还款：最短期限</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="19" />
            <source>Hardship plan: longest term</source>
            <translation>协商还款：最长期限</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="20" />
            <source>Hardship penalty waiver an agent may grant alone</source>
            <translation>坐席可自行批准的协商还款罚息减免</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="21" />
            <source>Missed payments that break a hardship plan</source>
            <translation>协商还款失效的逾期期数</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="22" />
            <source>Fee waiver an agent may grant alone</source>
            <translation>坐席可自行批准的费用减免</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="23" />
            <source>Fee waiver window</source>
            <translation>费用减免统计周期</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="24" />
            <source>Promise to pay: latest date</source>
            <translation>承诺还款：最晚日期</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="25" />
            <source>Dispute outcomes over this need a supervisor</source>
            <translation>超过此金额的争议结果需主管审批</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="26" />
            <source>Dispute: acknowledge within</source>
            <translation>争议：受理时限</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="27" />
            <source>Dispute: decide within</source>
            <translation>争议：处理时限</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="28" />
            <source>Dispute: a handler may extend to</source>
            <translation>争议：处理员可延长至</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="29" />
            <source>Dispute: a supervisor may extend to</source>
            <translation>争议：主管可延长至</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="30" />
            <source>Fraud report: first review within</source>
            <translation>欺诈举报：首次审查时限</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="31" />
            <source>Fraud report: decide within</source>
            <translation>欺诈举报：处理时限</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="32" />
            <source>Approvals queue: decide within</source>
            <translation>审批队列：处理时限</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="36" />
            <source>First value</source>
            <translation>初始值</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="37" />
            <source>Waiting</source>
            <translation>等待发送</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="38" />
            <source>Approved</source>
            <translation>已批准</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="39" />
            <source>Rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="93" />
            <source>Disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="95" />
            <source>Locked</source>
            <translation>已锁定</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="97" />
            <source>Must choose a password</source>
            <translation>须设置新密码</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="98" />
            <source>Enabled</source>
            <translation>已启用</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="104" />
            <source>The password must be at least 12 characters long.</source>
            <translation>密码至少需要 12 个字符。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="106" />
            <source>The password must not be the username.</source>
            <translation>密码不能与用户名相同。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="108" />
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="116" />
            <source>This is the last enabled admin: make another admin first.</source>
            <translation>这是最后一位启用的管理员：请先设置另一位管理员。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="117" />
            <source>You proposed this change; another admin must approve it.</source>
            <translation>此变更由您提出，须由另一位管理员批准。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="118" />
            <source>The password must be at least 12 characters long and not the username.</source>
            <translation>密码至少 12 个字符，且不能与用户名相同。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="119" />
            <source>The current password is wrong.</source>
            <translation>当前密码错误。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="120" />
            <source>A user with this username already exists.</source>
            <translation>该用户名已存在。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="121" />
            <source>A change of this limit is already waiting: approve or reject it first.</source>
            <translation>该限额已有待审批的变更：请先批准或驳回。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="122" />
            <source>This change was already decided. Refresh to see it.</source>
            <translation>该变更已处理。请刷新查看。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="123" />
            <source>The limit already has this value.</source>
            <translation>该限额已是此值。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/labels.py" line="124" />
            <source>This value is outside what the limit allows or clashes with another limit.</source>
            <translation>该值超出限额允许范围，或与其他限额冲突。</translation>
        </message>
    </context>
    <context>
        <name>AdminPolicy</name>
        <message>
            <location filename="../../ui/admin/policy.py" line="68" />
            <source>The first value, from the configuration.</source>
            <translation>初始值，来自配置。</translation>
        </message>
    </context>
    <context>
        <name>AlertStrip</name>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="32" />
            <source>By phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="33" />
            <source>By chat</source>
            <translation>在线客服</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="34" />
            <source>By email</source>
            <translation>邮件</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="35" />
            <source>At a branch</source>
            <translation>网点</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="59" />
            <source>by %1</source>
            <translation>于 %1 前</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="61" />
            <source>%1 months</source>
            <translation>%1 个月</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="66" />
            <source>Arrangement %1, proposed by %2 on %3.</source>
            <translation>还款安排 %1，由 %2 于 %3 提议。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="78" />
            <source>Frozen: fraud report %1</source>
            <translation>已冻结：欺诈举报 %1</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="79" />
            <source>Frozen: no fraud report on file</source>
            <translation>已冻结：无欺诈举报记录</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="83" />
            <source>Last contact %1 · %2</source>
            <translation>最近联系 %1 · %2</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="101" />
            <source>Account %1 is frozen.</source>
            <translation>账户 %1 已冻结。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="106" />
            <source>Case %1, opened %2.</source>
            <translation>案件 %1，开立于 %2。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="115" />
            <source>The newest contact note, by %1.</source>
            <translation>最新一条联系备注，由 %1 记录。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="128" />
            <source>On the account now</source>
            <translation>账户当前情况</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="133" />
            <source>On the account now:</source>
            <translation>账户当前：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="156" />
            <source>Nothing live or open; no contact on file</source>
            <translation>无生效或未结事项；无联系记录</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/alerts.py" line="186" />
            <location filename="../../ui/workspace/alerts.py" line="191" />
            <source>+%1 more</source>
            <translation>另有 %1 项</translation>
        </message>
    </context>
    <context>
        <name>Approvals</name>
        <message>
            <location filename="../../ui/supervisor/approval_words.py" line="40" />
            <source>Dispute · %1</source>
            <translation>争议 · %1</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approval_words.py" line="52" />
            <source>%1 months</source>
            <translation>%1 个月</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approval_words.py" line="54" />
            <source>%1 days</source>
            <translation>%1 天</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approval_words.py" line="56" />
            <source>%1 installments</source>
            <translation>%1 期</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approval_words.py" line="65" />
            <source>it is now %1</source>
            <translation>现在为%1</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approval_words.py" line="68" />
            <source>the amount is now %1 (was %2)</source>
            <translation>金额现为 %1（原为 %2）</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approval_words.py" line="73" />
            <source>it was proposed again by %1</source>
            <translation>已由 %1 重新提议</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approval_words.py" line="75" />
            <source>it is now assigned to %1</source>
            <translation>现已分配给 %1</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approval_words.py" line="75" />
            <source>nobody</source>
            <translation>无人</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approval_words.py" line="77" />
            <source>it was updated by someone else</source>
            <translation>已被他人更新</translation>
        </message>
    </context>
    <context>
        <name>ApprovalsView</name>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="178" />
            <source>Approvals</source>
            <translation>审批</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="187" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="198" />
            <source>Waiting for approval</source>
            <translation>待审批</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="236" />
            <source>Decision</source>
            <translation>决定</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="244" />
            <source>Comment (required to reject; goes on the case timeline)</source>
            <translation>意见（驳回时必填；记入案件时间线）</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="245" />
            <source>Comment</source>
            <translation>意见</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="258" />
            <location filename="../../ui/supervisor/approvals.py" line="432" />
            <source>Approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="261" />
            <location filename="../../ui/supervisor/approvals.py" line="433" />
            <source>Reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="279" />
            <source>Open case</source>
            <translation>打开案件</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/supervisor/approvals.py" line="352" />
            <location filename="../../ui/supervisor/approvals.py" line="561" />
            <location filename="../../ui/supervisor/approvals.py" line="622" />
            <source>%n waiting</source>
            <translation>
                <numerusform>%n 项待审批</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="390" />
            <source>Nothing waits for your approval.</source>
            <translation>目前没有待您审批的事项。</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="392" />
            <source>Arrangements beyond an agent's authority and dispute outcomes over the four-eyes limit appear here.</source>
            <translation>超出坐席权限的还款安排，以及超过双人复核限额的争议处理结果，会显示在这里。</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="415" />
            <location filename="../../ui/supervisor/approvals.py" line="575" />
            <source>You proposed this; another supervisor must approve it.</source>
            <translation>这是您提议的；须由另一位主管审批。</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="418" />
            <source>Your role may not decide this; a supervisor who did not propose it must.</source>
            <translation>您的角色不能对此作出决定；须由未参与提议的主管处理。</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="429" />
            <source>Approve outcome</source>
            <translation>批准处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="430" />
            <source>Reject outcome</source>
            <translation>驳回处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="444" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="445" />
            <source>Proposed by</source>
            <translation>提议人</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="465" />
            <source>user %1</source>
            <translation>用户 %1</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="467" />
            <source>%1 (you)</source>
            <translation>%1（您）</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="468" />
            <source>%1 on %2</source>
            <translation>%1，于 %2</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="129" />
            <source>Arrangement</source>
            <translation>还款安排</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="131" />
            <source>Amount covered</source>
            <translation>涉及金额</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="133" />
            <source>Fee</source>
            <translation>手续费</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="135" />
            <source>Waived</source>
            <translation>已减免</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="136" />
            <source>Schedule total</source>
            <translation>还款计划合计</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="138" />
            <source>Agent's note</source>
            <translation>坐席备注</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="145" />
            <source>Monthly payments</source>
            <translation>月供期数</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="147" />
            <source>Penalty interest waived</source>
            <translation>减免罚息</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="149" />
            <source>Due date moved by</source>
            <translation>到期日顺延</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="151" />
            <source>Installments</source>
            <translation>分期期数</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="153" />
            <source>Waiver</source>
            <translation>减免金额</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="155" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="157" />
            <source>Promised</source>
            <translation>承诺金额</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="159" />
            <source>Pay by</source>
            <translation>还款日期</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="486" />
            <source>Nothing else is live or open on this account.</source>
            <translation>该账户没有其他生效或未结事项。</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="488" />
            <source>Also on this account:</source>
            <translation>该账户还有：</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="190" />
            <source>Schedule</source>
            <translation>还款计划</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="203" />
            <source>Why it needs a supervisor</source>
            <translation>需要主管审批的原因</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="142" />
            <source>Proposed outcome</source>
            <translation>提议的处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="143" />
            <source>Amount to the customer</source>
            <translation>给客户的金额</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="145" />
            <source>Handler's note</source>
            <translation>处理人备注</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="146" />
            <source>Disputed</source>
            <translation>争议金额</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="148" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="153" />
            <source>Transaction</source>
            <translation>交易</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="162" />
            <source>Customer says</source>
            <translation>客户陈述</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="164" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="507" />
            <source>Say why you reject it: a comment is required.</source>
            <translation>请说明驳回原因：意见为必填项。</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="536" />
            <location filename="../../ui/supervisor/approvals.py" line="537" />
            <source>Approve %1 for %2</source>
            <translation>批准 %2 的 %1</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="538" />
            <location filename="../../ui/supervisor/approvals.py" line="539" />
            <source>Reject %1 for %2</source>
            <translation>驳回 %2 的 %1</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="548" />
            <source>The server cannot be reached: your decision on %1 for %2 is kept in the outbox and will be sent when the server is reachable.</source>
            <translation>无法连接服务器：您对 %2 的 %1 所作的决定已保存在待发送队列中，服务器可用时将自动发送。</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="555" />
            <source>Approved: %1 for %2.</source>
            <translation>已批准：%2 的 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="555" />
            <source>Rejected: %1 for %2.</source>
            <translation>已驳回：%2 的 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="558" />
            <source>Now: %1.</source>
            <translation>当前状态：%1。</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="584" />
            <source>This changed while you were looking at it</source>
            <translation>您查看期间此事项已被更改</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="613" />
            <source>Check it and decide again.</source>
            <translation>请核对后重新决定。</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="613" />
            <source>It no longer waits for approval.</source>
            <translation>此事项已不再等待审批。</translation>
        </message>
    </context>
    <context>
        <name>ArrangementWizard</name>
        <message>
            <location filename="../../ui/arrangements/wizard.py" line="84" />
            <source>Repayment arrangement for %1</source>
            <translation>为 %1 办理还款安排</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard.py" line="89" />
            <source>Next</source>
            <translation>下一步</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard.py" line="90" />
            <source>Back</source>
            <translation>上一步</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard.py" line="91" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard.py" line="136" />
            <source>%1 for %2 (account %3): %4</source>
            <translation>%2 的%1（账户 %3）：%4</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard.py" line="178" />
            <source>the account has a %1 (arrangement %2); cancel it first.</source>
            <translation>该账户已有%1（还款安排 %2），请先取消。</translation>
        </message>
    </context>
    <context>
        <name>Arrangements</name>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="31" />
            <source>Converts the bill's unpaid balance into 3, 6, 9 or 12 monthly installments, with the installment fee.</source>
            <translation>将账单未还余额分为 3、6、9 或 12 期，按期收取分期手续费。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="34" />
            <source>Moves the current bill's due date; once in 12 months.</source>
            <translation>推迟当期账单的到期日；12 个月内仅限一次。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="36" />
            <source>Restructures what the latest bill still owes, its past-due part with it, into 3 to 60 monthly payments without fee; penalty interest stops while it is kept, and two missed payments break it.</source>
            <translation>将最新账单的未还金额（含逾期部分）重组为 3 至 60 期按月还款，不收手续费；履约期间停止计收罚息，两次未还即告违约。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="39" />
            <source>Waives penalty interest, interest or fees on the latest bill.</source>
            <translation>减免最新账单上的罚息、利息或费用。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="41" />
            <source>Records an amount the customer promises to pay by a date at most 14 days away.</source>
            <translation>记录客户承诺在 14 天内某日前偿还的金额。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="43" />
            <source>Pays an installment plan or a cash loan off early: the principal not yet billed becomes due at once, the fees of those periods are waived.</source>
            <translation>提前结清分期计划或借呗：尚未出账的本金立即到期，这些期的手续费全部免除。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="49" />
            <source>An agent may always grant it.</source>
            <translation>坐席均可自行办理。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="50" />
            <source>An agent may grant up to 3 days alone; up to 10 days with a supervisor.</source>
            <translation>坐席可自行批准最多 3 天；经主管审批最多 10 天。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="52" />
            <source>An agent may grant up to 12 months and a penalty waiver up to ¥200.00 alone; more with a supervisor.</source>
            <translation>坐席可自行批准最多 12 个月及不超过 ¥200.00 的罚息减免；超出需主管审批。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="55" />
            <source>An agent may waive up to ¥50.00 per account in 90 days alone; more with a supervisor.</source>
            <translation>坐席每个账户 90 天内可自行减免最多 ¥50.00；超出需主管审批。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="57" />
            <source>An agent may always record it.</source>
            <translation>坐席均可自行记录。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="58" />
            <source>An agent may always set it up.</source>
            <translation>坐席均可自行办理。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="64" />
            <source>%1 months is over the %2 months an agent may grant alone.</source>
            <translation>%1 个月超过了坐席可自行批准的 %2 个月。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="65" />
            <source>A penalty waiver of %1 is over the %2 an agent may grant alone.</source>
            <translation>罚息减免 %1 超过了坐席可自行批准的 %2。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="66" />
            <source>%1 days is over the %2 days an agent may grant alone (up to %3 with a supervisor).</source>
            <translation>%1 天超过了坐席可自行批准的 %2 天（经主管审批最多 %3 天）。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="68" />
            <source>%1 waived in %2 days (this one and %3 before) is over the %4 an agent may waive alone.</source>
            <translation>%2 天内减免 %1（本次及此前的 %3）超过了坐席可自行减免的 %4。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="71" />
            <source>The bill has no unpaid balance to convert.</source>
            <translation>账单没有可分期的未还余额。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="72" />
            <source>An extension is at least %1 day.</source>
            <translation>延期至少 %1 天。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="73" />
            <source>A due date can be moved by at most %1 days.</source>
            <translation>到期日最多可延后 %1 天。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="74" />
            <source>The due date was already extended on %1; one extension per %2 days, the next from %3.</source>
            <translation>到期日已于 %1 延期；每 %2 天限一次，下次可从 %3 起办理。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="76" />
            <source>The bill's due date has passed; it can no longer be extended.</source>
            <translation>账单已过到期日，不能再延期。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="77" />
            <source>The new due date must fall before the next statement date.</source>
            <translation>新的到期日必须早于下一个账单日。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="78" />
            <source>A hardship plan runs %1 to %2 months.</source>
            <translation>协商还款期限为 %1 至 %2 个月。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="79" />
            <location filename="../../ui/arrangements/wizard_words.py" line="63" />
            <source>A hardship plan is only for an account that is overdue.</source>
            <translation>协商还款仅适用于已逾期的账户。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="80" />
            <source>The penalty waiver cannot exceed the interest and penalty interest owed on the bill (%1).</source>
            <translation>罚息减免不能超过账单所欠的利息和罚息（%1）。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="83" />
            <source>There is too little overdue balance for a plan of this length.</source>
            <translation>逾期余额过少，无法办理这么长期限的方案。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="84" />
            <source>The amount must be positive.</source>
            <translation>金额必须为正数。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="85" />
            <source>The bill owes %1 of penalty interest; a waiver cannot exceed it.</source>
            <translation>账单所欠罚息为 %1，减免不能超过此数。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="86" />
            <source>The bill owes %1 of interest; a waiver cannot exceed it.</source>
            <translation>账单所欠利息为 %1，减免不能超过此数。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="87" />
            <source>The bill owes %1 of fees; a waiver cannot exceed it.</source>
            <translation>账单所欠费用为 %1，减免不能超过此数。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="88" />
            <source>The promised date must be from %1 to %2.</source>
            <translation>承诺还款日期必须在 %1 至 %2 之间。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="89" />
            <source>The account owes %1; a promise cannot exceed it.</source>
            <translation>账户欠款 %1，承诺金额不能超过此数。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="90" />
            <location filename="../../ui/arrangements/wizard_words.py" line="45" />
            <location filename="../../ui/arrangements/wizard_words.py" line="55" />
            <location filename="../../ui/arrangements/wizard_words.py" line="66" />
            <source>The account has no bill yet.</source>
            <translation>账户尚无账单。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="91" />
            <location filename="../../ui/arrangements/wizard_words.py" line="57" />
            <source>The bill is paid; there is nothing to extend.</source>
            <translation>账单已还清，无需延期。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="92" />
            <location filename="../../ui/arrangements/wizard_words.py" line="43" />
            <source>Only a credit line's bill can be converted.</source>
            <translation>只有花呗账单可以分期。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="93" />
            <source>Only the latest bill (%1) can be converted.</source>
            <translation>只有最新账单（%1）可以分期。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="94" />
            <location filename="../../ui/arrangements/wizard_words.py" line="47" />
            <source>The account is overdue: offer a hardship plan instead.</source>
            <translation>账户已逾期：请改为提供协商还款。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="95" />
            <source>A bill can be converted until its due date.</source>
            <translation>账单只能在到期日前分期。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="96" />
            <source>The account is closed.</source>
            <translation>账户已关闭。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="97" />
            <source>The account is charged off.</source>
            <translation>账户已核销。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="98" />
            <source>The account already has a bill installment waiting for approval (arrangement %1).</source>
            <translation>该账户已有一笔待审批的账单分期（还款安排 %1）。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="100" />
            <source>The account already has a due date extension waiting for approval (arrangement %1).</source>
            <translation>该账户已有一笔待审批的延期还款（还款安排 %1）。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="102" />
            <source>The account already has a hardship plan waiting for approval (arrangement %1).</source>
            <translation>该账户已有一笔待审批的协商还款（还款安排 %1）。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="104" />
            <source>The account already has a fee waiver waiting for approval (arrangement %1).</source>
            <translation>该账户已有一笔待审批的费用减免（还款安排 %1）。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="106" />
            <source>The account already has a promise to pay waiting for approval (arrangement %1).</source>
            <translation>该账户已有一笔待审批的承诺还款（还款安排 %1）。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="108" />
            <source>The account already has a hardship plan in force (arrangement %1).</source>
            <translation>该账户已有一笔生效中的协商还款（还款安排 %1）。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="109" />
            <source>The account already has a promise to pay in force (arrangement %1).</source>
            <translation>该账户已有一笔生效中的承诺还款（还款安排 %1）。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="111" />
            <source>Plan %1 is completed: there is nothing to pay off.</source>
            <translation>分期计划 %1 已还清，无需提前还款。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="112" />
            <source>Plan %1 is paid off: there is nothing to pay off.</source>
            <translation>分期计划 %1 已提前结清，无需提前还款。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="113" />
            <source>Plan %1 is broken: there is nothing to pay off.</source>
            <translation>分期计划 %1 已失效，无需提前还款。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="114" />
            <source>Plan %1's payoff was set up on %2; %3 of it is still to pay.</source>
            <translation>分期计划 %1 已于 %2 办理提前还款，尚有 %3 未还。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="115" />
            <source>Every period of plan %1 is billed already: paying the bill (%2 still owed on it) ends the plan.</source>
            <translation>分期计划 %1 各期均已出账：还清账单（尚欠 %2）即结清该分期。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="117" />
            <source>Plan %1 is not on account %2.</source>
            <translation>分期计划 %1 不属于账户 %2。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="118" />
            <source>There is no installment plan %1.</source>
            <translation>不存在分期计划 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="120" />
            <source>The account has a hardship plan in force (arrangement %1); a promise to pay cannot stand beside it. Cancel that one first.</source>
            <translation>该账户已有生效中的协商还款（还款安排 %1），不能同时办理承诺还款。请先取消该安排。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="122" />
            <source>The account has a hardship plan waiting for approval (arrangement %1); a promise to pay cannot stand beside it. Cancel that one first.</source>
            <translation>该账户已有待审批的协商还款（还款安排 %1），不能同时办理承诺还款。请先取消该安排。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="124" />
            <source>The account has a promise to pay in force (arrangement %1); a hardship plan cannot stand beside it. Cancel that one first.</source>
            <translation>该账户已有生效中的承诺还款（还款安排 %1），不能同时办理协商还款。请先取消该安排。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="126" />
            <source>The account has a promise to pay waiting for approval (arrangement %1); a hardship plan cannot stand beside it. Cancel that one first.</source>
            <translation>该账户已有待审批的承诺还款（还款安排 %1），不能同时办理协商还款。请先取消该安排。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="128" />
            <source>The account has a promise to pay in force (arrangement %1); a hardship plan cannot stand beside it. Reject this one, or cancel that one first.</source>
            <translation>该账户已有生效中的承诺还款（还款安排 %1），不能同时办理协商还款。请驳回本申请，或先取消该承诺。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="161" />
            <source>The plan is longer than an agent may grant alone.</source>
            <translation>方案期限超过了坐席可自行批准的范围。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="162" />
            <source>The penalty waiver is more than an agent may grant alone.</source>
            <translation>罚息减免超过了坐席可自行批准的金额。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="164" />
            <source>The extension is longer than an agent may grant alone.</source>
            <translation>延期天数超过了坐席可自行批准的范围。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="166" />
            <source>The waiver is more than an agent may waive alone in 90 days.</source>
            <translation>减免金额超过了坐席 90 天内可自行减免的额度。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="168" />
            <source>It is beyond what an agent may grant alone.</source>
            <translation>超出了坐席可自行批准的范围。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="180" />
            <source>Change the terms, or choose another kind of arrangement.</source>
            <translation>请修改条件，或选择其他类型的还款安排。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="182" />
            <source>Choose another kind of arrangement, or refresh the customer to see the account as it is now.</source>
            <translation>请选择其他类型的还款安排，或刷新客户以查看账户当前状态。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/texts.py" line="198" />
            <source>This value is not accepted. Check it and try again.</source>
            <translation>此值不被接受，请检查后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="39" />
            <source>The account is closed or charged off: no arrangement can be made on it.</source>
            <translation>账户已关闭或已核销：无法办理还款安排。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="49" />
            <source>The latest bill is paid: there is nothing to convert.</source>
            <translation>最新账单已还清：没有可分期的金额。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="51" />
            <source>The latest bill was due on %1; a bill can be converted until its due date.</source>
            <translation>最新账单的到期日为 %1；账单只能在到期日前分期。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="59" />
            <source>The bill was due on %1; a due date that has passed cannot be extended.</source>
            <translation>账单的到期日为 %1；已过的到期日不能延期。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="69" />
            <source>The account owes nothing: there is nothing to promise.</source>
            <translation>账户没有欠款：无需承诺还款。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="84" />
            <source>%1 monthly installments</source>
            <translation>分 %1 期</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="86" />
            <source>Due date moved by %1 days</source>
            <translation>到期日顺延 %1 天</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="88" />
            <source>%1 monthly payments</source>
            <translation>分 %1 个月还款</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="91" />
            <source>, penalty interest waived: %1</source>
            <translation>，减免罚息：%1</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="95" />
            <source>%1 waived: %2</source>
            <translation>减免%1：%2</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="97" />
            <source>%1 by %2</source>
            <translation>%2 前还 %1</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="100" />
            <source>Plan %1 paid off early</source>
            <translation>分期计划 %1 提前结清</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="106" />
            <source>in force</source>
            <translation>生效中</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="107" />
            <source>waiting for approval</source>
            <translation>待审批</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="108" />
            <source>%1 of %2 %3</source>
            <translation>%3的%1（%2）</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="116" />
            <source>Goes live at once: this is within what an agent may grant alone.</source>
            <translation>立即生效：在坐席可自行批准的范围内。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="118" />
            <source>Needs another supervisor's approval (not yours): %1</source>
            <translation>需要另一位主管审批（不能由您本人审批）：%1</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_words.py" line="119" />
            <source>Needs a supervisor's approval: %1</source>
            <translation>需要主管审批：%1</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="136" />
            <source>Enter an amount in yuan, for example 1,000.00.</source>
            <translation>请输入以元为单位的金额，例如 1,000.00。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="141" />
            <source>“%1” is not an amount in yuan; write it like 1,000.00.</source>
            <translation>“%1”不是以元为单位的金额，请按 1,000.00 的格式填写。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="143" />
            <source>The amount must be more than zero.</source>
            <translation>金额必须大于零。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="145" />
            <source>%1 can be at most %2.</source>
            <translation>%1最多为 %2。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="259" />
            <source>Say why the fee is waived; the reason is kept with the arrangement.</source>
            <translation>请说明减免原因；原因会随还款安排保存。</translation>
        </message>
    </context>
    <context>
        <name>ArrangementsTab</name>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="97" />
            <source>Cancel arrangement…</source>
            <translation>取消还款安排…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="100" />
            <location filename="../../ui/workspace/arrangements.py" line="193" />
            <source>Select an arrangement.</source>
            <translation>请选择一笔还款安排。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="108" />
            <source>Arrangements</source>
            <translation>还款安排</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="149" />
            <source>Loading arrangements…</source>
            <translation>正在加载还款安排…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="159" />
            <source>No arrangements on this account.</source>
            <translation>该账户没有还款安排。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="161" />
            <source>%1 live or waiting, %2 in all; newest first.</source>
            <translation>生效或待审批 %1 笔，共 %2 笔；最新的在前。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="180" />
            <source>Checking what you may do…</source>
            <translation>正在确认您可执行的操作…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="195" />
            <source>Cancel this arrangement; the case timeline and the audit trail keep it.</source>
            <translation>取消此还款安排；案件时间线和审计记录会保留它。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="197" />
            <source>Only its proposer or a supervisor may cancel an arrangement waiting for approval.</source>
            <translation>待审批的还款安排只能由提议人或主管取消。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="199" />
            <source>Only a supervisor may cancel an arrangement in force.</source>
            <translation>生效中的还款安排只能由主管取消。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="201" />
            <source>Its effect is done: it cannot be cancelled.</source>
            <translation>该安排已执行完毕，无法取消。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="203" />
            <source>It has ended: there is nothing to cancel.</source>
            <translation>该安排已结束，无需取消。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="211" />
            <location filename="../../ui/workspace/arrangements.py" line="215" />
            <source>Cancel arrangement</source>
            <translation>取消安排</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="212" />
            <source>Cancel the %1 (arrangement %2)? This cannot be undone.</source>
            <translation>取消%1（还款安排 %2）？此操作无法撤销。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="216" />
            <source>Keep it</source>
            <translation>保留</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="228" />
            <source>Cancel %1 (arrangement %2)</source>
            <translation>取消%1（还款安排 %2）</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="240" />
            <source>The server cannot be reached: the cancel is kept in the outbox and will be sent when it is reachable.</source>
            <translation>无法连接服务器：取消操作已保存在发件箱，连接恢复后将自动发送。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="244" />
            <source>Arrangement cancelled.</source>
            <translation>还款安排已取消。</translation>
        </message>
    </context>
    <context>
        <name>AssignDialog</name>
        <message>
            <location filename="../../ui/cases/assign.py" line="66" />
            <source>Assign case %1</source>
            <translation>分配案件 %1</translation>
        </message>
        <message>
            <location filename="../../ui/cases/assign.py" line="68" />
            <source>Assign %1 cases</source>
            <translation>分配 %1 件案件</translation>
        </message>
        <message>
            <location filename="../../ui/cases/assign.py" line="76" />
            <source>Who should work this case?</source>
            <translation>谁来处理这件案件？</translation>
        </message>
        <message>
            <location filename="../../ui/cases/assign.py" line="76" />
            <source>Who should work these %1 cases?</source>
            <translation>谁来处理这 %1 件案件？</translation>
        </message>
        <message>
            <location filename="../../ui/cases/assign.py" line="83" />
            <source>People who can hold the cases</source>
            <translation>可以处理这些案件的人</translation>
        </message>
        <message>
            <location filename="../../ui/cases/assign.py" line="87" />
            <source>Note (optional, shown in the case timeline)</source>
            <translation>备注（可选，显示在案件时间线中）</translation>
        </message>
        <message>
            <location filename="../../ui/cases/assign.py" line="90" />
            <source>Why this person, for example: knows the merchant</source>
            <translation>为什么选这个人，例如：熟悉该商户</translation>
        </message>
        <message>
            <location filename="../../ui/cases/assign.py" line="100" />
            <source>Assign</source>
            <translation>分配</translation>
        </message>
        <message>
            <location filename="../../ui/cases/assign.py" line="125" />
            <source>Nobody (back to the queue)</source>
            <translation>无人（退回队列）</translation>
        </message>
        <message>
            <location filename="../../ui/cases/assign.py" line="129" />
            <source>%1 · %2 · %3 open</source>
            <translation>%1 · %2 · %3 件未结</translation>
        </message>
        <message>
            <location filename="../../ui/cases/assign.py" line="137" />
            <source> (now)</source>
            <translation>（当前）</translation>
        </message>
    </context>
    <context>
        <name>AuditModels</name>
        <message>
            <location filename="../../ui/audit/models.py" line="59" />
            <location filename="../../ui/audit/models.py" line="72" />
            <source>System</source>
            <translation>系统</translation>
        </message>
    </context>
    <context>
        <name>AuditTrailView</name>
        <message>
            <location filename="../../ui/audit/trail.py" line="54" />
            <source>any date</source>
            <translation>不限日期</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="86" />
            <source>Audit trail</source>
            <translation>审计记录</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="95" />
            <source>Verify chain</source>
            <translation>校验审计链</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="96" />
            <source>Check every record's hash and link, as verify-audit does</source>
            <translation>像 verify-audit 一样检查每条记录的哈希与链接</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="100" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="101" />
            <source>Every record the filters select, not only those on screen</source>
            <translation>导出筛选出的全部记录，而不仅是屏幕上显示的</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="104" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="113" />
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="114" />
            <source>Who: username or id</source>
            <translation>操作人：用户名或编号</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="120" />
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="121" />
            <source>What: action or prefix.*</source>
            <translation>操作：动作或前缀.*</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="126" />
            <source>Entity type</source>
            <translation>对象类型</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="128" />
            <source>Id</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="129" />
            <source>Entity id</source>
            <translation>对象编号</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="134" />
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="136" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="146" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="147" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="167" />
            <location filename="../../ui/audit/trail.py" line="212" />
            <location filename="../../ui/audit/trail.py" line="244" />
            <source>Select a record to see its fields before → after.</source>
            <translation>选择一条记录，查看其字段的变更前 → 变更后。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/audit/trail.py" line="229" />
            <source>%n record(s) shown; more as you scroll</source>
            <translation>
                <numerusform>已显示 %n 条记录；滚动加载更多</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/audit/trail.py" line="231" />
            <source>%n record(s)</source>
            <translation>
                <numerusform>%n 条记录</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="246" />
            <source>the system</source>
            <translation>系统</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="248" />
            <source>Record %1: %2 by %3 on %4 at %5 (%6)</source>
            <translation>记录 %1：%3 对 %4 执行“%2”，时间 %5（%6）</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="261" />
            <source>Export CSV</source>
            <translation>导出 CSV</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="262" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="279" />
            <source>%1 records exported to %2</source>
            <translation>已导出 %1 条记录到 %2</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="305" />
            <source>The chain holds: all %1 records verify (checked %2).</source>
            <translation>审计链完整：全部 %1 条记录校验通过（检查于 %2）。</translation>
        </message>
        <message>
            <location filename="../../ui/audit/trail.py" line="308" />
            <source>The chain is broken at record %1: its hash or its link to the record before does not hold. Records from there on cannot be trusted (checked %2).</source>
            <translation>审计链在第 %1 条记录处断开：其哈希或与前一条记录的链接不成立，自此以后的记录不可信（检查于 %2）。</translation>
        </message>
    </context>
    <context>
        <name>AuditWords</name>
        <message>
            <location filename="../../ui/audit/words.py" line="24" />
            <source>Sign-in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="25" />
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="26" />
            <source>Policy</source>
            <translation>政策</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="27" />
            <source>Policy change</source>
            <translation>政策变更</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="28" />
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="29" />
            <source>Dispute</source>
            <translation>争议</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="30" />
            <source>Fraud report</source>
            <translation>欺诈举报</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="31" />
            <source>Arrangement</source>
            <translation>还款安排</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="32" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="33" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="34" />
            <location filename="../../ui/audit/words.py" line="35" />
            <source>Contact note</source>
            <translation>联系备注</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="36" />
            <source>Bill</source>
            <translation>账单</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="40" />
            <source>Signed in</source>
            <translation>已登录</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="41" />
            <source>Signed out</source>
            <translation>已退出</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="42" />
            <source>Sign-in failed</source>
            <translation>登录失败</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="43" />
            <source>Locked out after failed sign-ins</source>
            <translation>多次登录失败后已锁定</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="44" />
            <source>Account frozen</source>
            <translation>账户已冻结</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="45" />
            <source>Account unfrozen</source>
            <translation>账户已解冻</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="46" />
            <source>Written off on the account</source>
            <translation>账户核销</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="47" />
            <source>Arrangement applied to the account</source>
            <translation>还款安排已作用于账户</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="48" />
            <source>Arrangement applied to the bill</source>
            <translation>还款安排已作用于账单</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="49" />
            <source>Revealed in full</source>
            <translation>查看完整信息</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="50" />
            <source>Contact note written</source>
            <translation>已填写联系备注</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="51" />
            <source>Dispute filed</source>
            <translation>已提交争议</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="52" />
            <source>Dispute money moved</source>
            <translation>争议资金变动</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="53" />
            <source>Fraud report filed</source>
            <translation>已提交欺诈举报</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="54" />
            <source>Case opened</source>
            <translation>案件已开立</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="55" />
            <source>Case assigned</source>
            <translation>案件已分派</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="56" />
            <source>Arrangement proposed</source>
            <translation>已提议还款安排</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="57" />
            <source>Arrangement made live</source>
            <translation>还款安排已生效</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="58" />
            <source>Policy change proposed</source>
            <translation>已提出政策变更</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="59" />
            <source>Policy change approved</source>
            <translation>政策变更已批准</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="60" />
            <source>Policy change rejected</source>
            <translation>政策变更已驳回</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="61" />
            <location filename="../../ui/audit/words.py" line="62" />
            <source>User created</source>
            <translation>已创建用户</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="63" />
            <source>User disabled</source>
            <translation>已停用用户</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="64" />
            <source>User enabled</source>
            <translation>已启用用户</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="65" />
            <source>Password changed</source>
            <translation>密码已修改</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="66" />
            <source>Password reset</source>
            <translation>密码已重置</translation>
        </message>
        <message>
            <location filename="../../ui/audit/words.py" line="67" />
            <source>Role changed</source>
            <translation>角色已变更</translation>
        </message>
    </context>
    <context>
        <name>BillInstallmentForm</name>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="154" />
            <source>Bill:</source>
            <translation>账单：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="158" />
            <source>%1 months (fee %2 of the amount)</source>
            <translation>%1 期（手续费为金额的 %2）</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="161" />
            <source>Installments:</source>
            <translation>分期期数：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="166" />
            <source>Statement of %1, due %2: %3 unpaid</source>
            <translation>%1 账单，%2 到期：未还 %3</translation>
        </message>
    </context>
    <context>
        <name>BillsTab</name>
        <message>
            <location filename="../../ui/workspace/bills.py" line="71" />
            <source>Account:</source>
            <translation>账户：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="78" />
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="79" />
            <source>Save the selected bill as a PDF statement</source>
            <translation>将所选账单保存为 PDF 账单</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="82" />
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="83" />
            <source>Print the selected bill as a statement</source>
            <translation>打印所选账单</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="96" />
            <source>Bills</source>
            <translation>账单</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="109" />
            <source>Bill lines</source>
            <translation>账单明细</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="164" />
            <source>No bills yet: the first statement is cut on the 1st.</source>
            <translation>暂无账单：首期账单于每月1日出具。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="183" />
            <source>Lines of the bill of %1 (due %2)</source>
            <translation>%1 账单明细（到期日 %2）</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/bills.py" line="199" />
            <source>%n line(s) · sum %1</source>
            <translation>
                <numerusform>%n 条 · 合计 %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="201" />
            <source>bill total %1</source>
            <translation>账单总额 %1</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="205" />
            <source>bill total %1: report this bill</source>
            <translation>账单总额 %1：请上报此账单</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="238" />
            <source>Save statement as PDF</source>
            <translation>将账单另存为 PDF</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="239" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="267" />
            <source>The statement could not be saved to %1: %2</source>
            <translation>账单无法保存到 %1：%2</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/bills.py" line="258" />
            <source>Statement saved to %1 (%n page(s)).</source>
            <translation>
                <numerusform>账单已保存到 %1（共 %n 页）。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/workspace/bills.py" line="286" />
            <source>Print statement</source>
            <translation>打印账单</translation>
        </message>
    </context>
    <context>
        <name>BugReportDialog</name>
        <message>
            <location filename="../../ui/failures.py" line="141" />
            <location filename="../../ui/failures.py" line="144" />
            <source>Something went wrong</source>
            <translation>出错了</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="149" />
            <source>CreditDesk hit a problem it did not expect. What you were doing may not have been saved. Copy this report and send it to support.</source>
            <translation>CreditDesk 遇到了意外问题，刚才的操作可能没有保存。请复制这份报告并发送给技术支持。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="160" />
            <source>Copy report</source>
            <translation>复制报告</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="169" />
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
        <name>CaseActions</name>
        <message>
            <location filename="../../ui/cases/actions.py" line="104" />
            <source>The dispute waits for the customer and its SLA clock pauses until they answer. Write what you asked for: it goes on the case timeline.</source>
            <translation>争议将等待客户回复，SLA 计时暂停至客户答复。请写明向客户索要了什么：它会记入案件时间线。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="109" />
            <source>The customer withdraws the dispute: it is resolved as withdrawn and any provisional credit is taken back.</source>
            <translation>客户撤回争议：争议以“撤回”结案，已发放的临时贷记将冲回。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="114" />
            <source>The provisional credit of %1 is taken back: a debit is posted on the account.</source>
            <translation>冲回临时贷记 %1：将在账户上记一笔借记。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="117" />
            <source>Credit the customer provisionally while the dispute is worked: a credit is posted on the account at once. At most the disputed amount, %1.</source>
            <translation>争议处理期间先行给客户临时退款：立即在账户上记一笔贷记。最多为争议金额 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="122" />
            <source>Approve the proposed outcome: %1. The dispute is resolved and the money is posted.</source>
            <translation>批准拟定结果：%1。争议结案，资金随即入账。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="125" />
            <source>Reject the proposed outcome: %1. The dispute goes back to investigating.</source>
            <translation>驳回拟定结果：%1。争议退回调查中。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="128" />
            <source>Confirm the fraud: the reported transactions (%1) are written off; the customer is not liable.</source>
            <translation>确认欺诈：报告的交易（%1）将被核销，客户无需承担。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="132" />
            <source>Not fraud: the customer stays liable for the reported transactions, and the freeze this report holds is lifted.</source>
            <translation>非欺诈：客户仍需承担报告的交易，本报案造成的冻结将解除。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="137" />
            <source>Close the report: nothing more is done on it.</source>
            <translation>关闭报案：不再做进一步处理。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="138" />
            <source>Start reviewing the report.</source>
            <translation>开始审查此报案。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="139" />
            <source>Approve the arrangement: it goes live now, if the account still allows it.</source>
            <translation>批准还款安排：如账户状况仍允许，立即生效。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="142" />
            <source>Reject the arrangement: it does not go live, and the proposer sees your comment.</source>
            <translation>驳回还款安排：不会生效，提出人将看到您的意见。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="145" />
            <source>Cancel the arrangement: it stops, and the account goes back to its normal terms.</source>
            <translation>取消还款安排：安排终止，账户恢复正常条件。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="334" />
            <source>Amount in yuan, e.g. 1200.50</source>
            <translation>金额（元），如 1200.50</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="349" />
            <source>At most %1 characters (now %2).</source>
            <translation>最多 %1 个字符（当前 %2 个）。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="354" />
            <source>Required.</source>
            <translation>必填。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="369" />
            <source>Enter an amount in yuan, e.g. 1200.50.</source>
            <translation>请输入金额（元），如 1200.50。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="372" />
            <source>The amount must be more than zero.</source>
            <translation>金额必须大于零。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="419" />
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="420" />
            <source>Add</source>
            <translation>延长</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="421" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="422" />
            <source>Why more time is needed (the customer sees the new date)</source>
            <translation>需要更多时间的原因（客户会看到新日期）</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="424" />
            <source>The decision window is %1 days from filing (decide by %2). A handler may extend once, to at most %3 days; a supervisor to at most %4 days.</source>
            <translation>决定期限为自提交起 %1 天（%2 前决定）。处理员可延期一次，最多至 %3 天；主管最多至 %4 天。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="439" />
            <source>At most %1 more days: the decision window may grow to %2 days from filing.</source>
            <translation>最多再延长 %1 天：处理时限自提交起最长 %2 天。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="442" />
            <source>At most %1 more days: a handler may extend to %2 days from filing; ask a supervisor for more.</source>
            <translation>最多再延长 %1 天：处理人员最多可延长至自提交起 %2 天；需要更长请联系主管。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="458" />
            <source>Outcome</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="460" />
            <source>Amount to the customer</source>
            <translation>给客户的金额</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="461" />
            <source>Reasons</source>
            <translation>理由</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="462" />
            <source>Why this outcome (kept on the case timeline)</source>
            <translation>作出此结果的理由（记入案件时间线）</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="489" />
            <source>Between ¥0.01 and %1 (the disputed amount).</source>
            <translation>介于 ¥0.01 与 %1（争议金额）之间。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="493" />
            <source>%1 is over %2: this outcome waits for a supervisor's approval (another supervisor than you) before the dispute is resolved.</source>
            <translation>%1 超过 %2：此结果须经主管（非您本人）批准后争议方可结案。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="499" />
            <source>%1 is not over %2: the dispute is resolved at once and the money is posted.</source>
            <translation>%1 未超过 %2：争议立即结案，资金随即入账。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="517" />
            <source>Less than the disputed amount, %1; or choose Won.</source>
            <translation>须小于争议金额 %1；否则请选择“胜诉”。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="529" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="530" />
            <location filename="../../ui/cases/actions.py" line="576" />
            <location filename="../../ui/cases/actions.py" line="659" />
            <location filename="../../ui/cases/actions.py" line="662" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="536" />
            <source>At most the disputed amount, %1.</source>
            <translation>最多为争议金额 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="558" />
            <source>%1 (%2) · %3 open</source>
            <translation>%1（%2）· 未结 %3 件</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="571" />
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="574" />
            <source>Assign to</source>
            <translation>分派给</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="586" />
            <source>Nobody else may hold this case.</source>
            <translation>没有其他人可以处理此案件。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="601" />
            <source>Choose whom to assign.</source>
            <translation>请选择分派对象。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="610" />
            <source>Decide</source>
            <translation>作出决定</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="611" />
            <source>Extend</source>
            <translation>延期</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="612" />
            <source>Ask and wait</source>
            <translation>询问并等待</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="613" />
            <source>Grant credit</source>
            <translation>发放退款</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="614" />
            <source>Reverse credit</source>
            <translation>冲回退款</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="615" />
            <location filename="../../ui/cases/actions.py" line="622" />
            <source>Approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="616" />
            <location filename="../../ui/cases/actions.py" line="623" />
            <source>Reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="617" />
            <source>Withdraw dispute</source>
            <translation>撤回争议</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="618" />
            <source>Confirm fraud</source>
            <translation>确认欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="619" />
            <source>Not fraud</source>
            <translation>非欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="620" />
            <source>Close report</source>
            <translation>关闭报案</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="621" />
            <source>Start review</source>
            <translation>开始审查</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="624" />
            <source>Cancel arrangement</source>
            <translation>取消安排</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="625" />
            <source>Assign</source>
            <translation>分配</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="639" />
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="640" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="651" />
            <source>What was asked</source>
            <translation>索要内容</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="653" />
            <source>For example: the courier's delivery receipt and a photo of the parcel</source>
            <translation>例如：快递签收单和包裹照片</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="656" />
            <location filename="../../ui/cases/actions.py" line="666" />
            <source>Comment</source>
            <translation>意见</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="657" />
            <source>Why the outcome is rejected (required)</source>
            <translation>驳回理由（必填）</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="660" />
            <source>Optional: for the case timeline</source>
            <translation>选填：记入案件时间线</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="663" />
            <source>Optional: for the case timeline and the audit trail</source>
            <translation>选填：记入案件时间线和审计记录</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="667" />
            <source>Why (required)</source>
            <translation>原因（必填）</translation>
        </message>
        <message>
            <location filename="../../ui/cases/actions.py" line="667" />
            <source>Optional</source>
            <translation>选填</translation>
        </message>
    </context>
    <context>
        <name>CaseListView</name>
        <message>
            <location filename="../../ui/cases/queue.py" line="72" />
            <source>Anyone</source>
            <translation>任何人</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="73" />
            <source>Me</source>
            <translation>我</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="74" />
            <source>Unassigned</source>
            <translation>未分配</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="132" />
            <source>My cases</source>
            <translation>我的案件</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="132" />
            <source>Queues</source>
            <translation>案件队列</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="140" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="141" />
            <source>Load the cases again (F5); the list also refreshes every minute</source>
            <translation>重新加载案件（F5）；列表每分钟也会自动刷新</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="145" />
            <source>Take next</source>
            <translation>领取下一件</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="147" />
            <source>Assign yourself the unassigned case due first in the chosen queue (or any queue you work)</source>
            <translation>把所选队列（或你负责的任一队列）中最早到期的未分配案件分配给自己</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="152" />
            <location filename="../../ui/cases/queue.py" line="448" />
            <source>Assign to…</source>
            <translation>分配给…</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="153" />
            <source>Assign the selected cases to one person</source>
            <translation>把选中的案件分配给一个人</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="158" />
            <location filename="../../ui/cases/queue.py" line="451" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="165" />
            <source>Queue</source>
            <translation>队列</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="165" />
            <source>All queues</source>
            <translation>全部队列</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="169" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="169" />
            <source>All types</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="172" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="172" />
            <source>Any status</source>
            <translation>任意状态</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="175" />
            <source>SLA</source>
            <translation>时限</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="175" />
            <source>Any SLA state</source>
            <translation>任意时限状态</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="178" />
            <source>Assignee</source>
            <translation>处理人</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="183" />
            <source>Open or closed</source>
            <translation>未结或已结</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="184" />
            <source>Open</source>
            <translation>未结</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="184" />
            <source>Closed</source>
            <translation>已结</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="184" />
            <source>Open and closed</source>
            <translation>未结和已结</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="188" />
            <source>Filter: summary, case, customer or account number</source>
            <translation>筛选：摘要、案件号、客户号或账户号</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="189" />
            <source>Filter the cases shown</source>
            <translation>筛选显示的案件</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="390" />
            <source>1 case</source>
            <translation>1 件案件</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="390" />
            <source>%1 cases</source>
            <translation>%1 件案件</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="391" />
            <source> · %1 at risk</source>
            <translation> · %1 件有风险</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="392" />
            <source> · %1 breached</source>
            <translation> · %1 件已超时</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="394" />
            <source> · the first %1 only: narrow the filters</source>
            <translation> · 仅显示前 %1 件：请缩小筛选范围</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="400" />
            <source>No case matches these filters.</source>
            <translation>没有符合这些筛选条件的案件。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="402" />
            <source>No cases here. New disputes, fraud reports and approvals appear as they are filed.</source>
            <translation>这里没有案件。新的争议、欺诈举报和待审批事项提交后会出现在这里。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="445" />
            <source>Open case %1</source>
            <translation>打开案件 %1</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="479" />
            <source>your queues</source>
            <translation>你的队列</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="481" />
            <source>Nothing to take: no unassigned case is waiting in %1.</source>
            <translation>没有可领取的案件：%1 中没有等待的未分配案件。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="518" />
            <source>%1 case(s) reassigned.</source>
            <translation>已重新分配 %1 件案件。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/queue.py" line="531" />
            <source>%1 rows exported to %2</source>
            <translation>已导出 %1 行到 %2</translation>
        </message>
    </context>
    <context>
        <name>CasePage</name>
        <message>
            <location filename="../../ui/cases/case_page.py" line="233" />
            <location filename="../../ui/cases/case_words.py" line="52" />
            <source>Opened</source>
            <translation>开立</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="53" />
            <source>Assigned</source>
            <translation>已分派</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="54" />
            <source>Unassigned</source>
            <translation>已取消分配</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="55" />
            <source>Taken</source>
            <translation>已领取</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="56" />
            <source>Approved</source>
            <translation>已批准</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="57" />
            <source>Rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="58" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="59" />
            <source>Acknowledged</source>
            <translation>已受理</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="60" />
            <source>Asked the customer for information</source>
            <translation>已请客户补充信息</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="61" />
            <source>Customer responded</source>
            <translation>客户已回复</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="62" />
            <source>Sent to the merchant</source>
            <translation>已转商户</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="63" />
            <source>Merchant responded</source>
            <translation>商户已回复</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="64" />
            <location filename="../../ui/cases/case_words.py" line="92" />
            <source>Provisional credit granted</source>
            <translation>已发放临时贷记</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="65" />
            <location filename="../../ui/cases/case_words.py" line="93" />
            <source>Provisional credit reversed</source>
            <translation>临时贷记冲回</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="66" />
            <source>Deadline extended</source>
            <translation>已延长期限</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="67" />
            <source>Outcome decided</source>
            <translation>已作出处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="68" />
            <source>Outcome approved</source>
            <translation>处理结果已批准</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="69" />
            <source>Outcome rejected</source>
            <translation>处理结果被驳回</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="70" />
            <source>Withdrawn by the customer</source>
            <translation>客户已撤回</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="71" />
            <source>Review started</source>
            <translation>已开始审查</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="72" />
            <source>Fraud confirmed</source>
            <translation>确认欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="73" />
            <source>Found not fraud</source>
            <translation>认定非欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="387" />
            <location filename="../../ui/cases/case_words.py" line="74" />
            <source>Closed</source>
            <translation>已结</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="79" />
            <source>status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="80" />
            <source>queue</source>
            <translation>队列</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="81" />
            <source>priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="82" />
            <source>assigned to</source>
            <translation>处理人</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="83" />
            <source>due</source>
            <translation>到期</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="84" />
            <source>paused since</source>
            <translation>暂停自</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="85" />
            <source>closed</source>
            <translation>关闭时间</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="86" />
            <source>amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="94" />
            <source>Refund credited</source>
            <translation>退款已入账</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="95" />
            <location filename="../../ui/casework/panels/fraud.py" line="24" />
            <location filename="../../ui/casework/panels/fraud.py" line="47" />
            <source>Written off</source>
            <translation>已核销</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="113" />
            <location filename="../../ui/cases/case_words.py" line="261" />
            <source>System</source>
            <translation>系统</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="489" />
            <location filename="../../ui/cases/case_words.py" line="144" />
            <source>user %1</source>
            <translation>用户 %1</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="185" />
            <source>disputed amount</source>
            <translation>争议金额</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="186" />
            <source>provisional credit</source>
            <translation>临时贷记</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="187" />
            <source>awarded</source>
            <translation>判给金额</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="190" />
            <source>reported</source>
            <translation>报案金额</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="190" />
            <source>written off</source>
            <translation>核销金额</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="191" />
            <source>total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="191" />
            <source>waived</source>
            <translation>减免</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="212" />
            <source>status %1 → %2</source>
            <translation>状态 %1 → %2</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="218" />
            <source>assigned to %1 → %2</source>
            <translation>处理人 %1 → %2</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="224" />
            <source>due %1 → %2</source>
            <translation>到期 %1 → %2</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="240" />
            <source>proposed outcome %1 → %2</source>
            <translation>拟定结果 %1 → %2</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="248" />
            <location filename="../../ui/cases/case_words.py" line="251" />
            <source>it was updated (version %1 → %2)</source>
            <translation>已被更新（版本 %1 → %2）</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="265" />
            <source> (%1, %2)</source>
            <translation>（%1，%2）</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="268" />
            <source>someone else changed it</source>
            <translation>已被他人修改</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_words.py" line="270" />
            <source>This case changed while you had it open: %1%2. Your action was not applied. Check and try again.</source>
            <translation>您打开期间此案件已被修改：%1%2。您的操作未执行。请核对后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="110" />
            <location filename="../../ui/casework/panels/dispute.py" line="28" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="111" />
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="112" />
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="113" />
            <source>Change</source>
            <translation>变更</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="114" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="29" />
            <source>Event</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="30" />
            <location filename="../../ui/casework/panels/fraud.py" line="22" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="31" />
            <location filename="../../ui/casework/panels/dispute.py" line="43" />
            <source>Transaction</source>
            <translation>交易</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="20" />
            <source>Posted</source>
            <translation>入账时间</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="21" />
            <source>Merchant</source>
            <translation>商户</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="25" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="99" />
            <location filename="../../ui/casework/panels/fraud.py" line="25" />
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="27" />
            <source>Period</source>
            <translation>期次</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="28" />
            <source>Due date</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="29" />
            <location filename="../../ui/casework/panels/arrangement.py" line="76" />
            <source>Principal</source>
            <translation>本金</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="30" />
            <location filename="../../ui/casework/panels/arrangement.py" line="77" />
            <source>Fee</source>
            <translation>手续费</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="31" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="164" />
            <source>Case %1</source>
            <translation>案件 %1</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="209" />
            <source>Reload the case (F5)</source>
            <translation>重新加载案件（F5）</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="210" />
            <source>Reload</source>
            <translation>重新加载</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="214" />
            <source>Open customer</source>
            <translation>打开客户</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="229" />
            <source>Queue</source>
            <translation>队列</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="230" />
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="231" />
            <source>Assigned to</source>
            <translation>处理人</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="232" />
            <source>At stake</source>
            <translation>涉及金额</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="234" />
            <source>Due</source>
            <translation>到期</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="235" />
            <source>Customer · account</source>
            <translation>客户 · 账户</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="281" />
            <source>Timeline (newest first)</source>
            <translation>时间线（最新在前）</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="372" />
            <source>%1 · case %2</source>
            <translation>%1 · 案件 %2</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="381" />
            <source>Nobody</source>
            <translation>无人</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="387" />
            <source>Closed %1</source>
            <translation>已于 %1 关闭</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="390" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="425" />
            <source>Next deadline: %1</source>
            <translation>下一期限：%1</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/__init__.py" line="60" />
            <source>%1 disputed of %2</source>
            <translation>争议 %1（交易金额 %2）</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/__init__.py" line="68" />
            <source>%1 transaction(s), %2 reported</source>
            <translation>%1 笔交易，报案金额 %2</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="38" />
            <source>Dispute %1</source>
            <translation>争议 %1</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="52" />
            <source>Category and reason</source>
            <translation>类别与原因</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="55" />
            <location filename="../../ui/casework/panels/fraud.py" line="45" />
            <source>Raised by</source>
            <translation>受理渠道</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="56" />
            <source>Disputed amount</source>
            <translation>争议金额</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="58" />
            <source>Provisional credit outstanding</source>
            <translation>未冲回的临时贷记</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="63" />
            <source>Outcome</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="69" />
            <source>Resolved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="83" />
            <location filename="../../ui/casework/panels/dispute.py" line="70" />
            <location filename="../../ui/casework/panels/fraud.py" line="50" />
            <source>%1 by %2</source>
            <translation>%1，%2</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="74" />
            <source>Resolution note</source>
            <translation>处理说明</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="75" />
            <location filename="../../ui/casework/panels/fraud.py" line="48" />
            <source>What the customer says</source>
            <translation>客户陈述</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="79" />
            <source>Deadlines</source>
            <translation>期限</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="84" />
            <source>Acknowledge by</source>
            <translation>受理期限</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="85" />
            <source>%1 (acknowledged %2)</source>
            <translation>%1（已于 %2 受理）</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="90" />
            <location filename="../../ui/casework/panels/fraud.py" line="57" />
            <source>Decide by</source>
            <translation>决定期限</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="91" />
            <source>%1 (%2 days from filing)</source>
            <translation>%1（自提交起 %2 天）</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="97" />
            <source>Extended</source>
            <translation>已延期</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="98" />
            <source>Yes: %1 days, %2 time(s)</source>
            <translation>是：%1 天，共 %2 次</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="104" />
            <source>Clock</source>
            <translation>计时</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="105" />
            <source>Paused since %1 (waiting for the customer)</source>
            <translation>自 %1 起暂停（等待客户）</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="111" />
            <source>Proposed outcome</source>
            <translation>提议的处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="112" />
            <source>%1, %2 — by %3 on %4</source>
            <translation>%1，%2 —— %3 于 %4 提出</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="118" />
            <source>Proposal's reasons</source>
            <translation>拟定理由</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="119" />
            <location filename="../../ui/casework/panels/fraud.py" line="49" />
            <source>Deadlines and decision</source>
            <translation>期限与决定</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/dispute.py" line="124" />
            <source>Money events</source>
            <translation>资金事项</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="32" />
            <source>Fraud report %1</source>
            <translation>欺诈举报 %1</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="33" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="35" />
            <source>Account frozen by this report</source>
            <translation>账户因本报案冻结</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="37" />
            <source>Frozen while the report was open; now %1</source>
            <translation>报案处理期间曾冻结；现为%1</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="41" />
            <source>Not frozen: %1</source>
            <translation>未冻结：%1</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="42" />
            <source>Freeze</source>
            <translation>冻结</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="43" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="44" />
            <source>Police report no.</source>
            <translation>报警回执号</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="46" />
            <source>Reported</source>
            <translation>报案金额</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="50" />
            <source>Filed</source>
            <translation>提交</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="54" />
            <source>First review by</source>
            <translation>首次审查期限</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="55" />
            <source>%1 (reviewed %2)</source>
            <translation>%1（已于 %2 审查）</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="102" />
            <location filename="../../ui/casework/panels/fraud.py" line="61" />
            <source>Decided</source>
            <translation>已决定</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="103" />
            <location filename="../../ui/casework/panels/fraud.py" line="62" />
            <source>%1: %2 by %3</source>
            <translation>%1：%2（%3）</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="68" />
            <source>Linked transactions (%1)</source>
            <translation>关联交易（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/fraud.py" line="76" />
            <source>No transactions were reported.</source>
            <translation>未报告任何交易。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="38" />
            <source>%1 monthly installments</source>
            <translation>分 %1 期</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="40" />
            <source>Due date moved by %1 days</source>
            <translation>到期日顺延 %1 天</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="42" />
            <source> (%1 → %2)</source>
            <translation>（%1 → %2）</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="47" />
            <source>%1 monthly payments, no fee</source>
            <translation>分 %1 个月还款，免手续费</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="50" />
            <source>; penalty interest waived: %1</source>
            <translation>；减免罚息：%1</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="53" />
            <source>%1 of %2 waived: %3</source>
            <translation>减免%2 %1：%3</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="57" />
            <source>%1 promised by %2</source>
            <translation>承诺于 %2 前还款 %1</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="67" />
            <source>%1 (arrangement %2)</source>
            <translation>%1（还款安排 %2）</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="72" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="73" />
            <source>Terms</source>
            <translation>条件</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="78" />
            <source>Waived</source>
            <translation>已减免</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="79" />
            <source>Schedule total</source>
            <translation>还款计划合计</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="82" />
            <source>Proposed</source>
            <translation>提出</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="88" />
            <source>Proposer's note</source>
            <translation>提出人备注</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="89" />
            <source>Approval</source>
            <translation>审批</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="94" />
            <location filename="../../ui/casework/panels/arrangement.py" line="98" />
            <source>Needs a supervisor because</source>
            <translation>需主管审批的原因</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="95" />
            <source>It is over an agent's limit.</source>
            <translation>超出坐席权限。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="98" />
            <source>It does not: within an agent's limits.</source>
            <translation>无需审批：在坐席权限内。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="108" />
            <source>Comment</source>
            <translation>意见</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="110" />
            <source>Live since</source>
            <translation>生效时间</translation>
        </message>
        <message>
            <location filename="../../ui/casework/panels/arrangement.py" line="114" />
            <source>Schedule (%1 payments)</source>
            <translation>还款计划（%1 期）</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="535" />
            <source>You proposed this outcome, so another supervisor must approve or reject it (four eyes).</source>
            <translation>此结果由您提出，须由另一位主管批准或驳回（双人复核）。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="537" />
            <source>You proposed this arrangement, so another supervisor must approve or reject it (four eyes).</source>
            <translation>此还款安排由您提出，须由另一位主管批准或驳回（双人复核）。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="544" />
            <source>Waiting for a supervisor's approval.</source>
            <translation>等待主管审批。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="600" />
            <source>%1 — %2 (case %3)</source>
            <translation>%1 —— %2（案件 %3）</translation>
        </message>
        <message>
            <location filename="../../ui/cases/case_page.py" line="612" />
            <source>No connection to the server: “%1” is kept in the outbox and will be sent when the server is reachable. Nothing is lost.</source>
            <translation>无法连接服务器：“%1”已保存在待发箱，服务器可用时将自动发送。不会丢失任何内容。</translation>
        </message>
    </context>
    <context>
        <name>CaseTable</name>
        <message>
            <location filename="../../ui/cases/models.py" line="80" />
            <source>Customer %1</source>
            <translation>客户 %1</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="85" />
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="86" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="88" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="89" />
            <source>Customer / account</source>
            <translation>客户 / 账户</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="91" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="93" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="95" />
            <source>SLA</source>
            <translation>时限</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="99" />
            <source>Due in</source>
            <translation>剩余时间</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="101" />
            <source>Due at</source>
            <translation>到期时间</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="103" />
            <source>Assignee</source>
            <translation>处理人</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="104" />
            <source>Unassigned</source>
            <translation>未分配</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="105" />
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="107" />
            <source>Opened</source>
            <translation>开立</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="222" />
            <source>The clock is paused while the case waits for the customer.</source>
            <translation>案件等待客户回复期间，计时暂停。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="224" />
            <source>At risk: 80% or more of the time to the deadline is used.</source>
            <translation>有风险：距截止时间的时限已用去 80% 或以上。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="226" />
            <source>The deadline has passed.</source>
            <translation>已过截止时间。</translation>
        </message>
        <message>
            <location filename="../../ui/cases/models.py" line="230" />
            <source>Priority: %1</source>
            <translation>优先级：%1</translation>
        </message>
    </context>
    <context>
        <name>CasesTab</name>
        <message>
            <location filename="../../ui/workspace/cases.py" line="83" />
            <source>Unassigned</source>
            <translation>未分配</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="114" />
            <source>The clock is paused while the case waits for the customer.</source>
            <translation>案件等待客户回复期间，计时暂停。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="115" />
            <source>From 80% of the time used a case is at risk; past its deadline it is breached.</source>
            <translation>用时达到 80% 即为有风险；超过期限即为已超时。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="171" />
            <source>Cases</source>
            <translation>案件</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="172" />
            <source>Double-click or press Enter to open the case.</source>
            <translation>双击或按回车键打开案件。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="183" />
            <source>You see the cases you opened or are assigned to; the header counts all the customer's open cases.</source>
            <translation>此处显示您开立或分配给您的案件；页头统计该客户的全部未结案件。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="187" />
            <source>You see your own cases and those in the queues you serve; the header counts all open cases.</source>
            <translation>此处显示您的案件及您负责队列中的案件；页头统计全部未结案件。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="242" />
            <source>Loading cases…</source>
            <translation>正在加载案件…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/cases.py" line="253" />
            <source>None of your cases; the customer has %n open case(s) you do not see here.</source>
            <translation>
                <numerusform>没有您的案件；该客户另有 %n 件未结案件，此处不显示。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="256" />
            <source>No cases for this customer.</source>
            <translation>该客户没有案件。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="259" />
            <source>%1 open, %2 in all; open ones first, nearest deadline first.</source>
            <translation>未结 %1 件，共 %2 件；未结在前，期限最近的在前。</translation>
        </message>
    </context>
    <context>
        <name>Casework</name>
        <message>
            <location filename="../../ui/casework/labels.py" line="46" />
            <source>Dispute</source>
            <translation>争议</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="47" />
            <source>Fraud report</source>
            <translation>欺诈举报</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="48" />
            <source>Arrangement</source>
            <translation>还款安排</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="52" />
            <source>Disputes</source>
            <translation>争议</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="53" />
            <location filename="../../ui/casework/labels.py" line="108" />
            <source>Fraud</source>
            <translation>欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="54" />
            <source>Approvals</source>
            <translation>审批</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="58" />
            <source>High</source>
            <translation>高</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="59" />
            <source>Normal</source>
            <translation>普通</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="60" />
            <source>Low</source>
            <translation>低</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="64" />
            <source>On track</source>
            <translation>正常</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="65" />
            <source>At risk</source>
            <translation>有超时风险</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="66" />
            <source>Breached</source>
            <translation>已超时</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="67" />
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="73" />
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="74" />
            <source>Investigating</source>
            <translation>调查中</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="75" />
            <source>Waiting for customer</source>
            <translation>等待客户</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="76" />
            <source>Waiting for merchant</source>
            <translation>等待商户</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="77" />
            <source>Waiting for approval</source>
            <translation>待审批</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="78" />
            <source>Resolved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="79" />
            <source>Fraud confirmed</source>
            <translation>确认欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="80" />
            <location filename="../../ui/casework/labels.py" line="172" />
            <source>Not fraud</source>
            <translation>非欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="81" />
            <source>Closed</source>
            <translation>已结</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="82" />
            <source>Live</source>
            <translation>已生效</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="83" />
            <source>Rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="84" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="85" />
            <source>Kept</source>
            <translation>已履约</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="86" />
            <source>Broken</source>
            <translation>已违约</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="87" />
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="109" />
            <source>Authorization</source>
            <translation>授权问题</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="110" />
            <source>Processing error</source>
            <translation>处理差错</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="111" />
            <source>Consumer dispute</source>
            <translation>消费纠纷</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="115" />
            <source>Not authorized by the customer</source>
            <translation>非本人授权</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="116" />
            <source>Cancelled recurring payment</source>
            <translation>已取消的自动扣款</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="117" />
            <source>Charged twice</source>
            <translation>重复扣款</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="118" />
            <source>Amount differs</source>
            <translation>金额不符</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="119" />
            <source>Refund not credited</source>
            <translation>退款未到账</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="120" />
            <source>Repayment not credited</source>
            <translation>还款未入账</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="121" />
            <source>Goods or service not received</source>
            <translation>未收到商品或服务</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="122" />
            <source>Not as described</source>
            <translation>与描述不符</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="126" />
            <source>Won (full refund)</source>
            <translation>胜诉（全额退款）</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="127" />
            <source>Partially won</source>
            <translation>部分胜诉</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="128" />
            <source>Lost</source>
            <translation>败诉</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="129" />
            <source>Withdrawn</source>
            <translation>已撤回</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="133" />
            <source>Account taken over</source>
            <translation>账户被盗用</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="134" />
            <source>Lost or stolen phone</source>
            <translation>手机丢失或被盗</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="135" />
            <source>Identity theft</source>
            <translation>身份冒用</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="136" />
            <source>Scam</source>
            <translation>诈骗</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="137" />
            <source>Transactions the customer does not know</source>
            <translation>客户不认识的交易</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="141" />
            <source>Bill installments</source>
            <translation>账单分期</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="142" />
            <source>Due date extension</source>
            <translation>延期还款</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="143" />
            <source>Hardship plan</source>
            <translation>协商还款</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="144" />
            <source>Fee waiver</source>
            <translation>费用减免</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="145" />
            <source>Promise to pay</source>
            <translation>承诺还款</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="146" />
            <source>Early payoff</source>
            <translation>提前还款</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="150" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="151" />
            <source>Chat</source>
            <translation>在线客服</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="152" />
            <source>Email</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="153" />
            <source>Branch</source>
            <translation>网点</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="158" />
            <source>Acknowledge</source>
            <translation>受理</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="159" />
            <source>Ask the customer for information</source>
            <translation>请客户补充材料</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="160" />
            <source>Customer responded</source>
            <translation>客户已回复</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="161" />
            <source>Send to merchant</source>
            <translation>转商户处理</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="162" />
            <source>Merchant responded</source>
            <translation>商户已回复</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="163" />
            <source>Grant provisional credit</source>
            <translation>给予临时贷记</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="164" />
            <source>Reverse provisional credit</source>
            <translation>冲回临时贷记</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="165" />
            <source>Extend deadline</source>
            <translation>延长处理期限</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="166" />
            <source>Decide outcome</source>
            <translation>作出处理结论</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="167" />
            <source>Approve outcome</source>
            <translation>批准处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="168" />
            <source>Reject outcome</source>
            <translation>驳回处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="169" />
            <source>Withdraw</source>
            <translation>撤回</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="170" />
            <source>Start review</source>
            <translation>开始审查</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="171" />
            <source>Confirm fraud</source>
            <translation>确认欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="173" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="174" />
            <source>Approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="175" />
            <source>Reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="176" />
            <source>Cancel arrangement</source>
            <translation>取消安排</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="177" />
            <source>Take</source>
            <translation>领取</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="178" />
            <source>Release</source>
            <translation>释放</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="179" />
            <source>Assign…</source>
            <translation>分配…</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="187" />
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="196" />
            <source>%1 d %2 h</source>
            <translation>%1天%2小时</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="198" />
            <source>%1 h %2 min</source>
            <translation>%1小时%2分</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="200" />
            <source>%1 min</source>
            <translation>%1分钟</translation>
        </message>
        <message>
            <location filename="../../ui/casework/labels.py" line="201" />
            <source>overdue %1</source>
            <translation>已超时 %1</translation>
        </message>
    </context>
    <context>
        <name>Chips</name>
        <message>
            <location filename="../../ui/widgets/chips.py" line="47" />
            <location filename="../../ui/widgets/chips.py" line="89" />
            <source>Active</source>
            <translation>正常</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="48" />
            <source>Frozen</source>
            <translation>已冻结</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="49" />
            <source>Closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="50" />
            <source>Charged off</source>
            <translation>已核销</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="60" />
            <source>Current</source>
            <translation>未逾期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="61" />
            <source>M1 overdue</source>
            <translation>M1 逾期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="62" />
            <source>M2 overdue</source>
            <translation>M2 逾期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="63" />
            <source>M3 overdue</source>
            <translation>M3 逾期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="64" />
            <source>M4+ overdue</source>
            <translation>M4+ 逾期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="75" />
            <source>Open</source>
            <translation>待还款</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="76" />
            <location filename="../../ui/widgets/chips.py" line="92" />
            <source>Paid</source>
            <translation>已还</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="77" />
            <location filename="../../ui/widgets/chips.py" line="98" />
            <source>Partially paid</source>
            <translation>部分还款</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="78" />
            <location filename="../../ui/widgets/chips.py" line="95" />
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="80" />
            <source>Carried over</source>
            <translation>已结转</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="90" />
            <source>Paid off</source>
            <translation>已结清</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="91" />
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="93" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="94" />
            <source>Broken</source>
            <translation>已违约</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="96" />
            <source>Pending</source>
            <translation>待处理</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="97" />
            <source>Billed</source>
            <translation>已出账</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="99" />
            <source>Not due</source>
            <translation>未到期</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="100" />
            <source>Waived</source>
            <translation>已减免</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="109" />
            <source>Credit line</source>
            <translation>信用额度</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/chips.py" line="110" />
            <source>Cash loan</source>
            <translation>现金借款</translation>
        </message>
    </context>
    <context>
        <name>ConfirmPage</name>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="480" />
            <source>Confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="481" />
            <source>Read the terms to the customer and confirm they agree.</source>
            <translation>向客户宣读条件并确认其同意。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="491" />
            <source>Note (optional, kept with the arrangement):</source>
            <translation>备注（可选，随还款安排保存）：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="494" />
            <source>Why, in your words: what the customer told you</source>
            <translation>原因：客户告诉您的情况</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="511" />
            <source>Sending…</source>
            <translation>正在提交…</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="534" />
            <source>Customer:</source>
            <translation>客户：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="535" />
            <source>Account:</source>
            <translation>账户：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="536" />
            <source>Arrangement:</source>
            <translation>还款安排：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="537" />
            <source>Terms:</source>
            <translation>条件：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="541" />
            <source>Payments:</source>
            <translation>还款：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="541" />
            <source>%1 payments from %2, first %3, in all %4</source>
            <translation>自 %2 起共 %1 期，首期 %3，合计 %4</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="554" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="556" />
            <source>Send for approval</source>
            <translation>提交审批</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="557" />
            <source>Set up now</source>
            <translation>立即办理</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="616" />
            <source>Kept in the outbox: the server cannot be reached now, so the arrangement will be sent when it can be, once. Nothing you entered is lost.</source>
            <translation>已保存在待发送箱：目前无法连接服务器，连接恢复后会自动提交一次。您填写的内容不会丢失。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="638" />
            <source>Waiting for approval: case %1 is in the approvals queue. %2 (%3) goes live when a supervisor approves it.</source>
            <translation>等待审批：案件 %1 已进入审批队列。%2（%3）经主管批准后生效。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="641" />
            <source>Waiting for approval: it is in the approvals queue.</source>
            <translation>等待审批：已进入审批队列。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="643" />
            <source>Live: %1 (%2) is in force on the account now.</source>
            <translation>已生效：%1（%2）现已在账户上生效。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="644" />
            <source>Sent: %1 is %2.</source>
            <translation>已提交：%1 状态为%2。</translation>
        </message>
    </context>
    <context>
        <name>Console</name>
        <message>
            <location filename="../../ui/app.py" line="160" />
            <location filename="../../ui/screenshots.py" line="461" />
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
        <message>
            <location filename="../../ui/console_messages.py" line="53" />
            <source>The demo server found no free network port on this computer. Close some programs and try again.</source>
            <translation>演示服务器在此电脑上找不到空闲的网络端口。请关闭一些程序后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="57" />
            <source>The demo data file could not be opened. Check that the data folder is writable and the disk is not full, then try again.</source>
            <translation>无法打开演示数据文件。请检查数据文件夹可写且磁盘未满，然后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="61" />
            <source>The demo server stopped while starting. Try again; its log file in the data folder says why.</source>
            <translation>演示服务器在启动时停止了。请重试；原因见数据文件夹中的日志文件。</translation>
        </message>
        <message>
            <location filename="../../ui/console_messages.py" line="65" />
            <source>The demo server on this computer could not start. Try again; its log file in the data folder says why.</source>
            <translation>此电脑上的演示服务器无法启动。请重试；原因见数据文件夹中的日志文件。</translation>
        </message>
    </context>
    <context>
        <name>ContactHistory</name>
        <message>
            <location filename="../../ui/workspace/history.py" line="34" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="35" />
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="36" />
            <source>Arrangement</source>
            <translation>还款安排</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="37" />
            <source>Reveal</source>
            <translation>查看完整</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="38" />
            <source>Money</source>
            <translation>资金</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="42" />
            <source>Everything</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="43" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="44" />
            <source>Cases and their steps</source>
            <translation>案件及其步骤</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="45" />
            <source>Arrangements</source>
            <translation>还款安排</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="46" />
            <source>Reveals</source>
            <translation>查看完整信息</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="47" />
            <source>Money events</source>
            <translation>资金事项</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="51" />
            <source>Acknowledged</source>
            <translation>已受理</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="52" />
            <source>Asked the customer for information</source>
            <translation>已请客户补充信息</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="53" />
            <source>Customer responded</source>
            <translation>客户已回复</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="54" />
            <source>Sent to the merchant</source>
            <translation>已转商户</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="55" />
            <source>Merchant responded</source>
            <translation>商户已回复</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="56" />
            <location filename="../../ui/workspace/history.py" line="81" />
            <source>Provisional credit granted</source>
            <translation>已发放临时贷记</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="57" />
            <location filename="../../ui/workspace/history.py" line="82" />
            <source>Provisional credit reversed</source>
            <translation>临时贷记冲回</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="58" />
            <source>Deadline extended</source>
            <translation>已延长期限</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="59" />
            <source>Outcome decided</source>
            <translation>已作出处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="60" />
            <source>Outcome approved</source>
            <translation>处理结果已批准</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="61" />
            <source>Outcome rejected</source>
            <translation>处理结果被驳回</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="62" />
            <source>Withdrawn by the customer</source>
            <translation>客户已撤回</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="63" />
            <source>Review started</source>
            <translation>已开始审查</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="64" />
            <source>Fraud confirmed</source>
            <translation>确认欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="65" />
            <source>Found not fraud</source>
            <translation>认定非欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="66" />
            <source>Closed</source>
            <translation>已结</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="67" />
            <source>Opened</source>
            <translation>开立</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="68" />
            <source>Assigned</source>
            <translation>已分派</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="69" />
            <source>Unassigned</source>
            <translation>已取消分配</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="70" />
            <source>Taken</source>
            <translation>已领取</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="71" />
            <source>Approved</source>
            <translation>已批准</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="72" />
            <source>Rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="73" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="76" />
            <source>Revealed the phone number</source>
            <translation>查看了完整手机号</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="77" />
            <source>Revealed the national ID</source>
            <translation>查看了完整身份证号</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="78" />
            <source>Revealed the bank card</source>
            <translation>查看了完整银行卡号</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="83" />
            <source>Refund credited</source>
            <translation>退款已入账</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="84" />
            <source>Written off</source>
            <translation>已核销</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="103" />
            <source>%1 case %2</source>
            <translation>%1案件 %2</translation>
        </message>
    </context>
    <context>
        <name>Counts</name>
        <message numerus="yes">
            <location filename="../../ui/wording.py" line="46" />
            <source>%n transaction(s)</source>
            <translation>
                <numerusform>%n 笔交易</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/wording.py" line="49" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/wording.py" line="52" />
            <source>%n payment(s) from %1 to %2, adding up to %3.</source>
            <translation>
                <numerusform>共 %n 期，自 %1 至 %2，合计 %3。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/wording.py" line="55" />
            <source>… and %n more</source>
            <translation>
                <numerusform>……另有 %n 期</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CustomerFlags</name>
        <message>
            <location filename="../../ui/workspace/header.py" line="32" />
            <source>Frozen</source>
            <translation>已冻结</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="33" />
            <source>Open fraud report</source>
            <translation>欺诈举报处理中</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="34" />
            <source>Fraud hold</source>
            <translation>欺诈冻结</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="35" />
            <source>Collections contacted</source>
            <translation>已催收联系</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="36" />
            <source>Vulnerable customer</source>
            <translation>弱势客户</translation>
        </message>
    </context>
    <context>
        <name>CustomerHeader</name>
        <message>
            <location filename="../../ui/workspace/header.py" line="197" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="198" />
            <source>National ID</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="207" />
            <source>Credit limit</source>
            <translation>额度</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="208" />
            <source>Used</source>
            <translation>已用</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="209" />
            <source>Available</source>
            <translation>可用</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="210" />
            <source>Next due date</source>
            <translation>下一到期日</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="211" />
            <source>Amount due</source>
            <translation>应还金额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="212" />
            <source>Days past due</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="213" />
            <source>Open cases</source>
            <translation>未结案件</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="244" />
            <source>The most overdue of the customer's accounts</source>
            <translation>该客户逾期最严重的账户</translation>
        </message>
    </context>
    <context>
        <name>CustomerResultsModel</name>
        <message>
            <location filename="../../ui/search.py" line="80" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="80" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="80" />
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="80" />
            <source>Accounts</source>
            <translation>账户</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="80" />
            <source>Open cases</source>
            <translation>未结案件</translation>
        </message>
    </context>
    <context>
        <name>CustomerWorkspace</name>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="103" />
            <source>Customer %1</source>
            <translation>客户 %1</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="123" />
            <source>Opening customer %1…</source>
            <translation>正在打开客户 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="146" />
            <source>Refresh (F5)</source>
            <translation>刷新 (F5)</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="147" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="158" />
            <source>What was just filed</source>
            <translation>刚刚提交的内容</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="165" />
            <source>Overview</source>
            <translation>概览</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="168" />
            <source>Bills</source>
            <translation>账单</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="169" />
            <source>Installments</source>
            <translation>分期</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="170" />
            <source>Transactions</source>
            <translation>交易</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="171" />
            <source>Cases</source>
            <translation>案件</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="172" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="173" />
            <source>Arrangements</source>
            <translation>还款安排</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="174" />
            <source>History</source>
            <translation>联系历史</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="209" />
            <source>Dispute…</source>
            <translation>争议…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="210" />
            <source>Dispute a charge: the one selected in Transactions, or pick one</source>
            <translation>对扣款发起争议：交易页中选中的那笔，或另选一笔</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="212" />
            <source>Report fraud…</source>
            <translation>欺诈举报…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="213" />
            <source>Report fraud and freeze the account; selected purchases are linked</source>
            <translation>举报欺诈并冻结账户；选中的消费将被关联</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="215" />
            <source>Arrangement…</source>
            <translation>还款安排…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="216" />
            <source>Installments, a later due date, a hardship plan, a waiver or a promise to pay</source>
            <translation>分期、延期还款、协商还款、减免或承诺还款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="219" />
            <source>Add note</source>
            <translation>添加备注</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="219" />
            <source>Write a contact note (Notes tab)</source>
            <translation>写一条联系备注（备注页）</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="227" />
            <source>Your role cannot file casework or notes.</source>
            <translation>您的角色不能提交案件或备注。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="229" />
            <source>Opening the customer…</source>
            <translation>正在打开客户…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="231" />
            <source>The customer has no account.</source>
            <translation>该客户没有账户。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="451" />
            <source>The arrangement wizard is not available in this version.</source>
            <translation>此版本没有还款安排向导。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="481" />
            <source>Dispute filed: case %1, in the %2 queue; acknowledge due %3.</source>
            <translation>争议已提交：案件 %1，进入%2队列；需在 %3 前受理。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="491" />
            <source>Fraud report filed: case %1, in the %2 queue; first review due %3.</source>
            <translation>欺诈举报已提交：案件 %1，进入%2队列；需在 %3 前首次审核。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="496" />
            <source>The account is frozen.</source>
            <translation>账户已冻结。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="498" />
            <source>The account stays open.</source>
            <translation>账户未冻结。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="506" />
            <source>Arrangement sent for approval: case %1 is in the %2 queue.</source>
            <translation>还款安排已提交审批：案件 %1 在%2队列中。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="510" />
            <source>Arrangement set up: it is live now.</source>
            <translation>还款安排已设立，立即生效。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/workspace.py" line="517" />
            <source>The server cannot be reached: “%1” is kept in the outbox and will be sent when it is reachable. Nothing is lost.</source>
            <translation>无法连接服务器：“%1”已保存在待发送队列中，恢复连接后将自动发送，不会丢失。</translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="241" />
            <source>Dashboard</source>
            <translation>仪表盘</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="250" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="260" />
            <location filename="../../ui/supervisor/dashboard.py" line="349" />
            <location filename="../../ui/supervisor/dashboard.py" line="353" />
            <source>Open cases</source>
            <translation>未结案件</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="261" />
            <source>At risk</source>
            <translation>有超时风险</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="262" />
            <source>Breached</source>
            <translation>已超时</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="263" />
            <source>Approvals waiting</source>
            <translation>待审批</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="264" />
            <source>Unassigned</source>
            <translation>未分配</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="267" />
            <source>Open the queues: every open case</source>
            <translation>打开案件队列：全部未结案件</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="268" />
            <source>Open the queues: the open cases at risk of missing their deadline</source>
            <translation>打开案件队列：临近超时的未结案件</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="269" />
            <source>Open the queues: the open cases past their deadline</source>
            <translation>打开案件队列：已超时的未结案件</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="270" />
            <source>Open the approvals inbox</source>
            <translation>打开待审批列表</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="271" />
            <source>Open the queues: the open cases nobody holds</source>
            <translation>打开案件队列：无人认领的未结案件</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="282" />
            <source>Queue depth by SLA state</source>
            <translation>各队列案件数（按时限状态）</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="283" />
            <source>Open cases by status</source>
            <translation>未结案件（按状态）</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="285" />
            <source>Age of open cases</source>
            <translation>未结案件账龄</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/supervisor/dashboard.py" line="328" />
            <source>%n arrangement(s)</source>
            <translation>
                <numerusform>%n 项还款安排</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/supervisor/dashboard.py" line="329" />
            <source>%n dispute outcome(s)</source>
            <translation>
                <numerusform>%n 项争议处理结果</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="333" />
            <source>Updated %1</source>
            <translation>更新于 %1</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="359" />
            <source>%1+ d</source>
            <translation>%1 天以上</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/dashboard.py" line="360" />
            <source>%1–%2 d</source>
            <translation>%1–%2 天</translation>
        </message>
    </context>
    <context>
        <name>DisputeDialog</name>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="271" />
            <source>File a dispute</source>
            <translation>发起争议</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="272" />
            <source>File dispute</source>
            <translation>提交争议</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="279" />
            <source>The disputed amount is left out of the minimum payment and of penalty interest while the dispute is open.</source>
            <translation>争议处理期间，争议金额不计入最低还款额，也不计罚息。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="307" />
            <source>Account:</source>
            <translation>账户：</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="310" />
            <location filename="../../ui/casework/dispute_dialog.py" line="314" />
            <source>Transaction:</source>
            <translation>交易：</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="322" />
            <source>Category:</source>
            <translation>类别：</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="325" />
            <source>Reason:</source>
            <translation>原因：</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="336" />
            <source>Disputed amount in yuan</source>
            <translation>争议金额（元）</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="343" />
            <source>Disputed amount:</source>
            <translation>争议金额：</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="349" />
            <source>What the customer says happened, in their words: when, what they expected, what they got.</source>
            <translation>按客户的原话记录经过：何时发生、预期是什么、实际得到什么。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="369" />
            <source>The customer has no account to dispute a charge on.</source>
            <translation>该客户没有可发起争议的账户。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="385" />
            <source>Loading the account's charges…</source>
            <translation>正在加载该账户的消费记录…</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="398" />
            <source>Pick the charge the customer disputes…</source>
            <translation>请选择客户有异议的扣款…</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="400" />
            <source>No charges on this account can be disputed.</source>
            <translation>该账户没有可发起争议的扣款。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="419" />
            <source>at most %1</source>
            <translation>最多 %1</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="454" />
            <source>Pick the transaction the customer disputes.</source>
            <translation>请选择客户有异议的交易。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="462" />
            <source>Enter the amount in yuan, for example 128.50.</source>
            <translation>请输入以元为单位的金额，例如 128.50。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="468" />
            <source>At most the transaction's %1 can be disputed.</source>
            <translation>争议金额不能超过该笔交易的 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="475" />
            <source>Write what the customer says happened.</source>
            <translation>请填写客户所述的经过。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="480" />
            <source>At most %1 characters (now %2).</source>
            <translation>最多 %1 个字符（当前 %2 个）。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="485" />
            <source>Pick the customer's reason.</source>
            <translation>请选择客户的原因。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="499" />
            <source>Dispute of transaction %1 (%2)</source>
            <translation>交易 %1 的争议（%2）</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <location filename="../../ui/export.py" line="172" />
            <source>table</source>
            <translation>表格</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="195" />
            <source>Export CSV</source>
            <translation>导出 CSV</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="195" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="215" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
    </context>
    <context>
        <name>ExtensionForm</name>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="180" />
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="182" />
            <source>Move the due date by:</source>
            <translation>到期日延后：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="183" />
            <source>Up to 3 days an agent may grant alone; up to 10 days with a supervisor.</source>
            <translation>坐席可自行批准最多 3 天；经主管审批最多 10 天。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="185" />
            <source>New due date:</source>
            <translation>新到期日：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="199" />
            <source>%1 (now %2)</source>
            <translation>%1（当前为 %2）</translation>
        </message>
    </context>
    <context>
        <name>Failures</name>
        <message>
            <location filename="../../ui/failures.py" line="61" />
            <source>Something went wrong. It is not your fault; you can copy a report for support.</source>
            <translation>出错了。这不是您的操作问题；您可以复制一份报告发给技术支持。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="81" />
            <source>This user is locked after too many failed sign-ins. Try again later or ask an administrator.</source>
            <translation>登录失败次数过多，该用户已被锁定。请稍后再试或联系管理员。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="84" />
            <source>Demo users can sign in only to a demo server. Ask an administrator for an account.</source>
            <translation>演示用户只能登录演示服务器。请向管理员申请账号。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="86" />
            <source>Signing in failed. Check the username and password and try again.</source>
            <translation>登录失败。请检查用户名和密码后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="89" />
            <source>Your role does not allow this; ask a supervisor if it is needed.</source>
            <translation>您的角色无权执行此操作；如有需要，请联系主管。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="92" />
            <source>It was not found. It may have been removed; refresh and try again.</source>
            <translation>未找到该记录，可能已被删除；请刷新后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="95" />
            <source>This clashes with the current state. Refresh to see it, then try again.</source>
            <translation>此操作与当前状态冲突。请刷新查看后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="98" />
            <source>Some fields are not valid. Correct them and try again.</source>
            <translation>部分字段无效，请更正后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="101" />
            <source>Too many requests for now. Wait a while and try again.</source>
            <translation>请求过于频繁，请稍候再试。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="104" />
            <source>The server could not accept the request. Try again; if it happens again, report it.</source>
            <translation>服务器无法受理该请求。请重试；如再次出现，请上报。</translation>
        </message>
        <message>
            <location filename="../../ui/failures.py" line="106" />
            <source>The server could not do this. Try again in a moment.</source>
            <translation>服务器未能完成此操作，请稍后重试。</translation>
        </message>
    </context>
    <context>
        <name>FeeWaiverForm</name>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="246" />
            <source>Waive:</source>
            <translation>减免项目：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="248" />
            <location filename="../../ui/arrangements/terms_forms.py" line="256" />
            <source>Amount:</source>
            <translation>金额：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="249" />
            <source>Up to ¥50.00 per account in 90 days an agent may waive alone.</source>
            <translation>坐席每个账户 90 天内可自行减免最多 ¥50.00。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="252" />
            <source>Why, for example: first late payment, customer was in hospital</source>
            <translation>原因，例如：首次逾期、客户住院</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="253" />
            <source>Reason:</source>
            <translation>原因：</translation>
        </message>
    </context>
    <context>
        <name>FilingDialog</name>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="142" />
            <source>Description:</source>
            <translation>描述：</translation>
        </message>
        <message>
            <location filename="../../ui/casework/dispute_dialog.py" line="153" />
            <source>Raised by:</source>
            <translation>受理渠道：</translation>
        </message>
    </context>
    <context>
        <name>FraudDialog</name>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="46" />
            <source>Tick the transactions the customer did not make: this kind of report must name at least one.</source>
            <translation>请勾选非客户本人的交易：此类举报至少需要一笔。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="67" />
            <source>Report fraud</source>
            <translation>欺诈举报</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="68" />
            <source>File fraud report</source>
            <translation>提交欺诈举报</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="80" />
            <source>Account:</source>
            <translation>账户：</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="88" />
            <source>Category:</source>
            <translation>类别：</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="93" />
            <source>Transactions the customer did not make</source>
            <translation>非客户本人的交易</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="95" />
            <source>Not made by the customer:</source>
            <translation>非本人交易：</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="103" />
            <source>Freeze the account now</source>
            <translation>立即冻结账户</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="107" />
            <source>No new spending or loans while the report is open; the freeze is lifted if it is not fraud.</source>
            <translation>举报处理期间不能新增消费或借款；若确认非欺诈将解除冻结。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="111" />
            <source>Why not freeze:</source>
            <translation>不冻结的原因：</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="116" />
            <source>Required: why the account stays open (kept in the audit trail)</source>
            <translation>必填：为何不冻结账户（记入审计记录）</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="126" />
            <source>Optional</source>
            <translation>选填</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="127" />
            <source>Police report number:</source>
            <translation>报案回执编号：</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="133" />
            <source>What the customer says: what happened, when they noticed, what they still have (phone, card).</source>
            <translation>客户所述：发生了什么、何时发现、手机和卡片是否仍在身边。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="147" />
            <source>The customer has no account to report.</source>
            <translation>该客户没有可举报的账户。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="162" />
            <source>Loading the account's purchases…</source>
            <translation>正在加载该账户的消费…</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="219" />
            <source>No purchases or loan disbursements on this account.</source>
            <translation>该账户没有消费或借款放款记录。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="225" />
            <source>%1 of %2 ticked, %3 in all.</source>
            <translation>已勾选 %1 / %2 笔，共 %3。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="252" />
            <source>At most %1 transactions in one report.</source>
            <translation>一次举报最多 %1 笔交易。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="259" />
            <source>Say why the account stays open, or tick the freeze again.</source>
            <translation>请说明不冻结账户的原因，或重新勾选冻结。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="265" />
            <source>Write what the customer says happened.</source>
            <translation>请填写客户所述的经过。</translation>
        </message>
        <message>
            <location filename="../../ui/casework/fraud_dialog.py" line="270" />
            <source>At most %1 characters (now %2).</source>
            <translation>最多 %1 个字符（当前 %2 个）。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/casework/fraud_dialog.py" line="288" />
            <source>Fraud report on account %1 (%n transaction(s))</source>
            <translation>
                <numerusform>账户 %1 的欺诈举报（%n 笔交易）</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HardshipForm</name>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="210" />
            <source>Overdue:</source>
            <translation>逾期：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="214" />
            <source> months</source>
            <translation> 个月</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="216" />
            <source>Monthly payments:</source>
            <translation>还款期数：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="217" />
            <source>3 to 60 months; over 12 months needs a supervisor's approval.</source>
            <translation>3 至 60 个月；超过 12 个月需主管审批。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="219" />
            <location filename="../../ui/arrangements/terms_forms.py" line="236" />
            <source>Penalty interest to waive:</source>
            <translation>减免罚息：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="220" />
            <source>Optional. Over ¥200.00 needs a supervisor's approval.</source>
            <translation>可选。超过 ¥200.00 需主管审批。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="223" />
            <source>%1 past due, %2 days</source>
            <translation>逾期 %1，已逾期 %2 天</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="229" />
            <source>%1; the latest bill still owes %2, which the plan restructures (less money under dispute).</source>
            <translation>%1；最新账单未还 %2，协商还款将其重组（扣除争议中的金额）。</translation>
        </message>
    </context>
    <context>
        <name>HistoryTab</name>
        <message>
            <location filename="../../ui/workspace/history.py" line="157" />
            <source>Show:</source>
            <translation>显示：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="160" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="175" />
            <source>Contact history</source>
            <translation>联系历史</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="180" />
            <source>Show more</source>
            <translation>显示更多</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="237" />
            <source>Loading the history…</source>
            <translation>正在加载联系历史…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="251" />
            <source>Nothing in the history yet.</source>
            <translation>暂无联系历史。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="253" />
            <source>The newest %1; newest first.</source>
            <translation>最新的 %1 条；最新的在前。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="255" />
            <source>%1 entries; newest first.</source>
            <translation>共 %1 条；最新的在前。</translation>
        </message>
    </context>
    <context>
        <name>InstallmentsTab</name>
        <message>
            <location filename="../../ui/workspace/installments.py" line="42" />
            <source>Installment plans</source>
            <translation>分期计划</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/installments.py" line="45" />
            <source>No installment plans.</source>
            <translation>没有分期计划。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/installments.py" line="61" />
            <source>Pay off early…</source>
            <translation>提前还款…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/installments.py" line="63" />
            <source>Quote and set up the early payoff of this plan</source>
            <translation>为该分期报价并办理提前还款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/installments.py" line="71" />
            <source>Schedule</source>
            <translation>还款计划</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/installments.py" line="135" />
            <source>Schedule of %1: %2, %n term(s)</source>
            <translation>
                <numerusform>%1 的还款计划：%2，共 %n 期</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/workspace/installments.py" line="146" />
            <source>Principal %1 · fee / interest %2 · total %3 · paid %4</source>
            <translation>本金 %1 · 手续费/利息 %2 · 合计 %3 · 已还 %4</translation>
        </message>
    </context>
    <context>
        <name>LaterReleasePage</name>
        <message>
            <location filename="../../ui/main_window.py" line="132" />
            <source>Coming in a later release.</source>
            <translation>将在后续版本中提供。</translation>
        </message>
    </context>
    <context>
        <name>LengthCounter</name>
        <message>
            <location filename="../../ui/widgets/length_counter.py" line="41" />
            <source>%1 / %2 characters</source>
            <translation>%1 / %2 字</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/length_counter.py" line="43" />
            <source>Too long: %1 characters, at most %2. Shorten it by %3 to go on.</source>
            <translation>太长：%1 字，最多 %2 字。请删减 %3 字后继续。</translation>
        </message>
    </context>
    <context>
        <name>LimitUnits</name>
        <message numerus="yes">
            <location filename="../../ui/admin/labels.py" line="63" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/admin/labels.py" line="65" />
            <source>%n business day(s)</source>
            <translation>
                <numerusform>%n 个工作日</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/admin/labels.py" line="67" />
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n 小时</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/admin/labels.py" line="69" />
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n 个月</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/admin/labels.py" line="71" />
            <source>%n payment(s)</source>
            <translation>
                <numerusform>%n 期</numerusform>
            </translation>
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
            <location filename="../../ui/login.py" line="182" />
            <source>CreditDesk</source>
            <translation>CreditDesk</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="185" />
            <source>Customer service console</source>
            <translation>信用服务台 · 客户服务工作台</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="189" />
            <source>Demo users (password “demo”)</source>
            <translation>演示用户（密码 “demo”）</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="194" />
            <source>Demo users</source>
            <translation>演示用户</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="198" />
            <source>Click to fill in; double-click to sign in</source>
            <translation>单击填入；双击直接登录</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="205" />
            <source>Sign in with the username and password your administrator gave you.</source>
            <translation>请使用管理员为您分配的用户名和密码登录。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="217" />
            <location filename="../../ui/login.py" line="284" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="229" />
            <source>Demo data on this computer</source>
            <translation>本机演示数据</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="230" />
            <source>Server address:</source>
            <translation>服务器地址：</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="239" />
            <source>Server address</source>
            <translation>服务器地址</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="242" />
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="245" />
            <location filename="../../ui/login.py" line="246" />
            <source>Username</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="249" />
            <location filename="../../ui/login.py" line="250" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="251" />
            <source>Remember me on this computer</source>
            <translation>在此电脑上记住我</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="257" />
            <source>This computer has no usable password store, so your sign-in will not be remembered; you will be asked for your password at each start.</source>
            <translation>此电脑没有可用的密码存储，您的登录不会被记住；每次启动都需要输入密码。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="288" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="301" />
            <source>Not available with a server given on the command line</source>
            <translation>命令行已指定服务器，此项不可用</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="335" />
            <source>Preparing demo data…</source>
            <translation>正在准备演示数据…</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="383" />
            <source>Demo data is ready.</source>
            <translation>演示数据已就绪。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="394" />
            <source>The demo data could not be prepared: %1</source>
            <translation>无法准备演示数据：%1</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="424" />
            <source>Resuming your session…</source>
            <translation>正在恢复您的会话…</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="452" />
            <source>Enter the server address, starting with http:// or https://.</source>
            <translation>请输入以 http:// 或 https:// 开头的服务器地址。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="456" />
            <source>Enter your username.</source>
            <translation>请输入用户名。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="460" />
            <source>Enter your password.</source>
            <translation>请输入密码。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="468" />
            <source>Signing in as soon as the demo data is ready…</source>
            <translation>演示数据就绪后将自动登录…</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="474" />
            <source>Signing in…</source>
            <translation>正在登录…</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="533" />
            <source>Choose a password of your own to sign in.</source>
            <translation>请设置您自己的密码后再登录。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="72" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="73" />
            <source>My cases</source>
            <translation>我的案件</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="74" />
            <source>Queues</source>
            <translation>案件队列</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="75" />
            <source>Approvals</source>
            <translation>审批</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="76" />
            <source>Dashboard</source>
            <translation>仪表盘</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="77" />
            <source>Audit trail</source>
            <translation>审计记录</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="86" />
            <source>The disputes, fraud reports and arrangements assigned to you, by deadline.</source>
            <translation>分配给您的争议、欺诈举报和还款安排，按截止时间排序。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="89" />
            <source>The dispute and fraud queues with their SLA state, and “take next”.</source>
            <translation>争议与欺诈队列及其 SLA 状态，以及“领取下一件”。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="92" />
            <source>Arrangements and large dispute outcomes waiting for a supervisor's approval.</source>
            <translation>等待主管审批的还款安排和大额争议处理结果。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="95" />
            <source>Queue depth, cases at risk or breached, ageing and approvals waiting.</source>
            <translation>队列积压、临近超时或已超时的案件、账龄及待审批事项。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="98" />
            <source>Who changed or revealed what, and when.</source>
            <translation>谁在何时修改或查看了哪些信息。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="265" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="266" />
            <source>&amp;Export CSV…</source>
            <translation>导出 CSV(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="268" />
            <source>Save the table in front of you as a CSV file</source>
            <translation>把当前表格保存为 CSV 文件</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="272" />
            <source>Log &amp;out</source>
            <translation>退出登录(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="276" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="281" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="282" />
            <source>Find customer</source>
            <translation>查找客户</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="287" />
            <source>Close tab</source>
            <translation>关闭标签页</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="589" />
            <source>Close customer tab</source>
            <translation>关闭客户标签页</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="293" />
            <source>Theme</source>
            <translation>主题</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="78" />
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="79" />
            <source>Policy</source>
            <translation>政策</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="99" />
            <source>Users, roles and passwords.</source>
            <translation>用户、角色与密码。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="100" />
            <source>Policy limits with four eyes, and their history.</source>
            <translation>经四眼审批的政策限额及其历史。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="244" />
            <source>%1 — CreditDesk</source>
            <translation>%1 — CreditDesk</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="296" />
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="296" />
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="305" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="316" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="317" />
            <location filename="../../ui/main_window.py" line="788" />
            <source>About CreditDesk</source>
            <translation>关于 CreditDesk</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="332" />
            <source>CreditDesk</source>
            <translation>CreditDesk</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="340" />
            <source>Search: phone number, account number, name or ID last 4  (Ctrl+K)</source>
            <translation>搜索：手机号、账号、姓名或身份证后4位  (Ctrl+K)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="342" />
            <source>Search customers</source>
            <translation>搜索客户</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="361" />
            <source>Views</source>
            <translation>视图</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="399" />
            <source>Coming in a later release</source>
            <translation>将在后续版本中提供</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="404" />
            <source>Customer search is not part of the %1 role</source>
            <translation>%1角色不包含客户搜索</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="470" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="474" />
            <source>Signed in as %1</source>
            <translation>已登录：%1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="603" />
            <source>Case %1</source>
            <translation>案件 %1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="603" />
            <source>Close case tab</source>
            <translation>关闭案件标签页</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="617" />
            <source>Close (Ctrl+W)</source>
            <translation>关闭 (Ctrl+W)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="665" />
            <source>There is no table here to export.</source>
            <translation>这里没有可导出的表格。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="671" />
            <source>%1 rows exported to %2</source>
            <translation>已导出 %1 行到 %2</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="789" />
            <source>CreditDesk — customer service console for consumer credit.
All data in the demo is fictional.</source>
            <translation>CreditDesk — 消费信贷客户服务工作台。
演示中的所有数据均为虚构。</translation>
        </message>
    </context>
    <context>
        <name>MaskedField</name>
        <message>
            <location filename="../../ui/workspace/header.py" line="133" />
            <source>(none on file)</source>
            <translation>（未登记）</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="153" />
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="154" />
            <source>Show the masked value again</source>
            <translation>重新显示掩码值</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="157" />
            <source>Reveal</source>
            <translation>查看完整</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/header.py" line="158" />
            <source>Show the full value; asks for a reason, which is audited</source>
            <translation>显示完整信息；需填写原因，并记入审计</translation>
        </message>
    </context>
    <context>
        <name>NewUserDialog</name>
        <message>
            <location filename="../../ui/admin/users.py" line="95" />
            <source>New user</source>
            <translation>新建用户</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="100" />
            <source>letters, digits, '.', '_' or '-'</source>
            <translation>字母、数字、“.”、“_”或“-”</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="106" />
            <source>Username</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="107" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="108" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="109" />
            <source>First password</source>
            <translation>初始密码</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="114" />
            <source>Give the username and the name.</source>
            <translation>请填写用户名和姓名。</translation>
        </message>
    </context>
    <context>
        <name>NotesTab</name>
        <message>
            <location filename="../../ui/workspace/notes.py" line="96" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="107" />
            <source>Write a contact note: what the caller asked, what you did or promised…</source>
            <translation>填写联络备注：来电人咨询了什么，您做了什么或承诺了什么…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="108" />
            <source>New note</source>
            <translation>新备注</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="112" />
            <source>On account:</source>
            <translation>账户：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="115" />
            <source>Channel:</source>
            <translation>渠道：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="123" />
            <source>Add note</source>
            <translation>添加备注</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="124" />
            <location filename="../../ui/workspace/notes.py" line="295" />
            <source>Save the note (Ctrl+Enter)</source>
            <translation>保存备注 (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="206" />
            <source>No contact notes yet.</source>
            <translation>暂无联络备注。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/notes.py" line="208" />
            <source>The latest %n note(s), newest first.</source>
            <translation>
                <numerusform>最近 %n 条备注，最新的在前。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/notes.py" line="210" />
            <source>%n note(s), newest first.</source>
            <translation>
                <numerusform>%n 条备注，最新的在前。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="235" />
            <source>Contact note for %1 on %2: “%3”</source>
            <translation>%1 的联络备注（%2）：“%3”</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="293" />
            <source>Write the note first, then add it (Ctrl+Enter)</source>
            <translation>请先填写备注，再添加（Ctrl+Enter）</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/notes.py" line="260" />
            <source>The server cannot be reached right now. The note is kept in the outbox and will be sent as soon as the server is reachable: nothing is lost.</source>
            <translation>暂时无法连接服务器。该记录已保存在发件箱中，服务器可连接后将自动发送，不会丢失。</translation>
        </message>
    </context>
    <context>
        <name>Outbox</name>
        <message>
            <location filename="../../ui/outbox.py" line="57" />
            <source>Sending</source>
            <translation>发送中</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="58" />
            <source>Waiting</source>
            <translation>等待发送</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="59" />
            <source>Refused</source>
            <translation>被拒绝</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="60" />
            <source>Sent</source>
            <translation>已发送</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="63" />
            <source>The server could not be reached.</source>
            <translation>无法连接服务器。</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="64" />
            <source>The server was not available.</source>
            <translation>服务器暂不可用。</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="65" />
            <source>The server was still working on it.</source>
            <translation>服务器仍在处理该请求。</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="66" />
            <source>Waiting for you to sign in again.</source>
            <translation>等待您重新登录。</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="67" />
            <source>The server hit a problem; it will be tried again.</source>
            <translation>服务器出现问题，稍后将重试。</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="85" />
            <source>It was made on an older version of the record: open the record, reload it and make the change again, then discard this one.</source>
            <translation>该操作基于记录的旧版本：请打开记录并重新加载，再重新操作一次，然后丢弃此条。</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="100" />
            <source>%1 waiting</source>
            <translation>%1 条待发送</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="102" />
            <source>%1 refused</source>
            <translation>%1 条被拒绝</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="103" />
            <source>Outbox: %1</source>
            <translation>发件箱：%1</translation>
        </message>
    </context>
    <context>
        <name>OutboxDialog</name>
        <message>
            <location filename="../../ui/outbox.py" line="358" />
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="359" />
            <source>Kept at</source>
            <translation>暂存时间</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="360" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="361" />
            <source>Attempts</source>
            <translation>尝试次数</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="362" />
            <source>Next try</source>
            <translation>下次尝试</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="363" />
            <source>Last problem</source>
            <translation>最近的问题</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="369" />
            <source>Outbox</source>
            <translation>发件箱</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="380" />
            <source>Changes you made that the server has not taken yet. Waiting ones are sent by themselves, in the order you made them, as soon as the server is reachable; nothing is sent twice. Refused ones wait for you: send them again or discard them.</source>
            <translation>您所做但服务器尚未接收的操作。待发送的操作会在服务器可连接后按您操作的顺序自动发送，且不会重复发送。被拒绝的操作需要您处理：重新发送或丢弃。</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="412" />
            <source>Writes in the outbox</source>
            <translation>发件箱中的操作</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="416" />
            <source>The outbox is empty: everything you did has reached the server.</source>
            <translation>发件箱为空：您的所有操作都已送达服务器。</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="422" />
            <source>Try now</source>
            <translation>立即重试</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="423" />
            <source>Send every waiting write now instead of at its next try</source>
            <translation>立即发送所有待发送的操作，不再等待下次尝试</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="424" />
            <source>Send again</source>
            <translation>重新发送</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="425" />
            <location filename="../../ui/outbox.py" line="520" />
            <source>Send the refused write again, unchanged</source>
            <translation>原样重新发送被拒绝的操作</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="426" />
            <source>Discard</source>
            <translation>丢弃</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="427" />
            <source>Give up the refused write: it will not be sent</source>
            <translation>放弃被拒绝的操作：它将不会被发送</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="517" />
            <source>Sending it again cannot help: the record changed. Reload the record and make the change again.</source>
            <translation>重新发送无济于事：记录已被修改。请重新加载记录后再操作一次。</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="550" />
            <source>Discard this write?</source>
            <translation>丢弃此操作？</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="551" />
            <source>“%1” will not be sent to the server, and cannot be brought back. Discard it?</source>
            <translation>“%1”将不会发送到服务器，且无法恢复。确定丢弃？</translation>
        </message>
    </context>
    <context>
        <name>OutboxStatus</name>
        <message>
            <location filename="../../ui/outbox.py" line="257" />
            <source>Outbox</source>
            <translation>发件箱</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="258" />
            <source>Writes kept until the server takes them. Click to see them.</source>
            <translation>在服务器接收前暂存的操作。点击查看。</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="306" />
            <source>The server refused “%1”: %2 Open the outbox to send it again or discard it.</source>
            <translation>服务器拒绝了“%1”：%2 请打开发件箱重新发送或丢弃。</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="316" />
            <source>Open the outbox</source>
            <translation>打开发件箱</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="323" />
            <source>Sent from the outbox: %1</source>
            <translation>已从发件箱发送：%1</translation>
        </message>
        <message>
            <location filename="../../ui/outbox.py" line="325" />
            <source>Sent from the outbox: %1 writes</source>
            <translation>已从发件箱发送 %1 条操作</translation>
        </message>
    </context>
    <context>
        <name>OverviewTab</name>
        <message>
            <location filename="../../ui/workspace/overview.py" line="222" />
            <source>This customer has no accounts.</source>
            <translation>该客户没有账户。</translation>
        </message>
    </context>
    <context>
        <name>OwnPasswordDialog</name>
        <message>
            <location filename="../../ui/admin/own_password.py" line="25" />
            <source>Choose your password</source>
            <translation>设置您的密码</translation>
        </message>
        <message>
            <location filename="../../ui/admin/own_password.py" line="26" />
            <source>An admin set your password. Choose one of your own to continue: at least 12 characters, not your username.</source>
            <translation>您的密码由管理员设置。请设置您自己的密码后继续：至少 12 个字符，且不能与用户名相同。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/own_password.py" line="36" />
            <source>Current password</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <location filename="../../ui/admin/own_password.py" line="37" />
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location filename="../../ui/admin/own_password.py" line="38" />
            <source>Again</source>
            <translation>再次输入</translation>
        </message>
        <message>
            <location filename="../../ui/admin/own_password.py" line="51" />
            <source>Choose a password different from the one the admin set.</source>
            <translation>请设置与管理员所设不同的密码。</translation>
        </message>
    </context>
    <context>
        <name>PayoffDialog</name>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="62" />
            <source>Pay off early: %1</source>
            <translation>提前还款：%1</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="68" />
            <source>Early payoff of %1 for %2: the principal of the periods not yet billed becomes due at once and their fees are waived. Read the quote to the customer before you set it up.</source>
            <translation>为 %2 提前结清%1：尚未出账各期的本金立即到期，这些期的手续费全部免除。办理前请先向客户读明报价。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="74" />
            <source>Getting the payoff quote…</source>
            <translation>正在获取提前还款报价…</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="81" />
            <source>Principal due at once:</source>
            <translation>立即到期本金：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="82" />
            <source>Fees waived:</source>
            <translation>免除手续费：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="83" />
            <source>Already on the bill, still owed:</source>
            <translation>已出账未还：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="84" />
            <source>Total to end the plan:</source>
            <translation>结清合计：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="87" />
            <source>Due:</source>
            <translation>到期：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="100" />
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="103" />
            <source>Set up payoff</source>
            <translation>办理提前还款</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="147" />
            <source>%1, on the current bill now</source>
            <translation>%1，现在计入本期账单</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="148" />
            <source>%1, on the next statement</source>
            <translation>%1，计入下期账单</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="151" />
            <source>Every period is billed already: paying the bill (%1) ends the plan; there is nothing to pay off early.</source>
            <translation>各期均已出账：还清账单（%1）即结清该分期，无需提前还款。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="155" />
            <source>Goes live at once: an agent may set up a payoff alone. If %1 is not paid by %2, it is past due like any bill.</source>
            <translation>立即生效：坐席可自行办理提前还款。若 %2 前未还 %1，将与普通账单一样逾期。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="202" />
            <source>Early payoff of plan %1</source>
            <translation>分期计划 %1 提前还款</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="217" />
            <source>Kept in the outbox: the server cannot be reached now, so the payoff will be set up when it can be, once. Nothing is lost.</source>
            <translation>已存入待发箱：暂时无法连接服务器，连接后将办理一次提前还款，数据不会丢失。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="222" />
            <source>Set up: %1 is due by %2; the plan ends paid off when it is paid.</source>
            <translation>已办理：%1 须于 %2 前还清；还清后该分期即为提前结清。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/payoff.py" line="225" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>PlanPayoffForm</name>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="303" />
            <source>Plan:</source>
            <translation>分期计划：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="304" />
            <source>Its principal not yet billed becomes due at once; the fees of those periods are waived.</source>
            <translation>尚未出账的本金立即到期，这些期的手续费全部免除。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="311" />
            <source>%1 (plan %2): %3 principal left</source>
            <translation>%1（计划 %2）：剩余本金 %3</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="317" />
            <source>The account has no active plan to pay off.</source>
            <translation>该账户没有可提前还款的进行中分期。</translation>
        </message>
    </context>
    <context>
        <name>PolicyView</name>
        <message>
            <location filename="../../ui/admin/policy.py" line="194" />
            <source>Policy</source>
            <translation>政策</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="197" />
            <source>Four eyes: a change applies when a second admin approves it.</source>
            <translation>四眼原则：变更须经另一位管理员批准后生效。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="203" />
            <source>Propose a change…</source>
            <translation>提出变更…</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="206" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="222" />
            <source>Waiting for a second admin</source>
            <translation>等待另一位管理员审批</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="224" />
            <source>Approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="226" />
            <location filename="../../ui/admin/policy.py" line="307" />
            <source>Reject…</source>
            <translation>驳回…</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="242" />
            <source>Limits in force</source>
            <translation>现行限额</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="243" />
            <source>History</source>
            <translation>历史</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="244" />
            <source>Double-click a limit to propose a change</source>
            <translation>双击某项限额以提出变更</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/admin/policy.py" line="279" />
            <source>Waiting for a second admin: %n change(s)</source>
            <translation>
                <numerusform>等待另一位管理员审批：%n 项变更</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="305" />
            <source>You proposed this change; another admin must approve it.</source>
            <translation>此变更由您提出，须由另一位管理员批准。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="307" />
            <source>Withdraw…</source>
            <translation>撤回…</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="315" />
            <source>Reject the change</source>
            <translation>驳回变更</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="315" />
            <source>Why (optional):</source>
            <translation>原因（可选）：</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="331" />
            <source>Proposed: %1 → %2. It applies when another admin approves it.</source>
            <translation>已提出：%1 → %2。经另一位管理员批准后生效。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="332" />
            <source>Approved: %1 is now %2.</source>
            <translation>已批准：%1 现为 %2。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="333" />
            <source>Rejected: %1 stays as it was.</source>
            <translation>已驳回：%1 保持不变。</translation>
        </message>
    </context>
    <context>
        <name>PromiseForm</name>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="267" />
            <source>Owed:</source>
            <translation>欠款：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="269" />
            <location filename="../../ui/arrangements/terms_forms.py" line="291" />
            <source>Promised amount:</source>
            <translation>承诺金额：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="274" />
            <source>Pay by:</source>
            <translation>还款日期：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="275" />
            <source>From today to 14 days from today; kept or broken is decided at the end of that day.</source>
            <translation>从今天起至 14 天内；履约与否在当天日终判定。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/terms_forms.py" line="284" />
            <source>%1 in all; %2 due next</source>
            <translation>共欠 %1；下期应还 %2</translation>
        </message>
    </context>
    <context>
        <name>ProposeChangeDialog</name>
        <message>
            <location filename="../../ui/admin/policy.py" line="112" />
            <source>Propose a change</source>
            <translation>提出变更</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="113" />
            <source>The new value applies when another admin approves it.</source>
            <translation>新值经另一位管理员批准后生效。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="129" />
            <source>Why, for the history (at least 5 characters)</source>
            <translation>原因，记入历史（至少 5 个字符）</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="131" />
            <source>Limit</source>
            <translation>限额</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="132" />
            <source>Now</source>
            <translation>当前值</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="133" />
            <source>New value</source>
            <translation>新值</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="134" />
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="153" />
            <source>yuan</source>
            <translation>元</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="165" />
            <source>The limit already has this value.</source>
            <translation>该限额已是此值。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="168" />
            <source>Say why, in a few words, for the history.</source>
            <translation>请简要说明原因，以记入历史。</translation>
        </message>
    </context>
    <context>
        <name>QuotePage</name>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="311" />
            <source>Quote</source>
            <translation>报价</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="312" />
            <source>What the arrangement does on the account as it is now. Nothing changes until you confirm.</source>
            <translation>按账户当前状态，此还款安排的效果。确认前不会有任何变更。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="322" />
            <source>Getting the quote…</source>
            <translation>正在获取报价…</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="414" />
            <source>New schedule: %1 payments</source>
            <translation>新还款计划：共 %1 期</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="437" />
            <source>Converted:</source>
            <translation>分期金额：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="438" />
            <source>Installment fee:</source>
            <translation>分期手续费：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="439" />
            <source>Total to repay:</source>
            <translation>应还总额：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="440" />
            <source>First installment due:</source>
            <translation>首期到期日：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="442" />
            <source>Due date:</source>
            <translation>到期日：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="442" />
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="444" />
            <source>Cost:</source>
            <translation>费用：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="444" />
            <source>No fee.</source>
            <translation>不收费。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="446" />
            <source>Restructured:</source>
            <translation>重组金额：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="448" />
            <source>Penalty interest waived:</source>
            <translation>减免罚息：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="449" />
            <source>Fee:</source>
            <translation>手续费：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="450" />
            <source>First payment due:</source>
            <translation>首期到期日：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="451" />
            <source>While it is kept:</source>
            <translation>履约期间：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="451" />
            <source>Penalty interest stops; two missed payments break the plan.</source>
            <translation>停止计收罚息；两次未还即告违约。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="453" />
            <source>Waived at once:</source>
            <translation>立即减免：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="455" />
            <source>Waived on this account in the last 90 days:</source>
            <translation>该账户近 90 天已减免：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="457" />
            <source>Promised:</source>
            <translation>承诺金额：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="458" />
            <source>By:</source>
            <translation>截止日期：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="459" />
            <source>Then:</source>
            <translation>之后：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="459" />
            <source>Kept or broken is decided at the end of that day.</source>
            <translation>履约与否在当天日终判定。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="461" />
            <source>Principal due at once:</source>
            <translation>立即到期本金：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="462" />
            <source>Fees waived:</source>
            <translation>免除手续费：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="463" />
            <source>Total to end the plan:</source>
            <translation>结清合计：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="464" />
            <source>Due:</source>
            <translation>到期：</translation>
        </message>
    </context>
    <context>
        <name>ReloginDialog</name>
        <message>
            <location filename="../../ui/login.py" line="550" />
            <source>Sign in again</source>
            <translation>重新登录</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="555" />
            <source>Your session has ended</source>
            <translation>您的会话已结束</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="559" />
            <source>Enter the password of %1 to continue where you were. Nothing on screen is lost.</source>
            <translation>请输入 %1 的密码以继续刚才的工作，屏幕上的内容不会丢失。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="567" />
            <source>Username</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="570" />
            <location filename="../../ui/login.py" line="571" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="582" />
            <source>Log out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="583" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="599" />
            <source>Enter your password.</source>
            <translation>请输入密码。</translation>
        </message>
    </context>
    <context>
        <name>ResetPasswordDialog</name>
        <message>
            <location filename="../../ui/admin/users.py" line="146" />
            <source>Reset password</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="147" />
            <source>%1's sessions end now; they sign in with this password and must then choose their own.</source>
            <translation>%1 的会话将立即结束；其用此密码登录后须自行设置新密码。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="151" />
            <source>Temporary password</source>
            <translation>临时密码</translation>
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
        <name>RoleDialog</name>
        <message>
            <location filename="../../ui/admin/users.py" line="125" />
            <source>Change role</source>
            <translation>更改角色</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="125" />
            <source>The new role applies to %1's next request.</source>
            <translation>新角色自 %1 的下一次请求起生效。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="133" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="138" />
            <source>Choose a different role.</source>
            <translation>请选择另一个角色。</translation>
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
            <location filename="../../ui/search.py" line="327" />
            <source>Find a customer by full phone number, account number (HB…), name, or the last 4 digits of the ID number.

Press Ctrl+K to search from anywhere.</source>
            <translation>按完整手机号、账号（HB…）、姓名或身份证后4位查找客户。

在任何界面按 Ctrl+K 即可搜索。</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="342" />
            <source>Four digits are the last 4 of the national ID, not of a phone number: for a phone, type all 11 digits.</source>
            <translation>4 位数字按身份证号后 4 位查找，而不是手机号后 4 位：查手机号请输入完整 11 位。</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="347" />
            <source>No customer matches “%1”. Check the number, or try the name or the account number.</source>
            <translation>没有与“%1”匹配的客户。请检查号码，或改用姓名、账号搜索。</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="355" />
            <source>%1 customers for “%2”</source>
            <translation>“%2”共 %1 位客户</translation>
        </message>
        <message>
            <location filename="../../ui/search.py" line="357" />
            <source>1 customer for “%1”</source>
            <translation>“%1”共 1 位客户</translation>
        </message>
    </context>
    <context>
        <name>Statement</name>
        <message>
            <location filename="../../ui/printing/statement.py" line="42" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="43" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="44" />
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="45" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="46" />
            <source>No lines on this bill.</source>
            <translation>本期账单没有明细。</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="47" />
            <location filename="../../ui/printing/statement.py" line="199" />
            <source>Statement</source>
            <translation>账单</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="48" />
            <source>Lines</source>
            <translation>明细</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="49" />
            <source>Sum of the lines</source>
            <translation>明细合计</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="50" />
            <source>Printed %1. Phone and ID are masked.</source>
            <translation>打印于 %1。手机号和身份证号已脱敏。</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="85" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="86" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="87" />
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="90" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="91" />
            <source>Statement date</source>
            <translation>账单日</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="92" />
            <source>Due date</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="93" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="96" />
            <source>Previous balance</source>
            <translation>上期余额</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="97" />
            <source>Total of this bill</source>
            <translation>本期账单金额</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="98" />
            <source>Minimum payment</source>
            <translation>最低还款额</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="99" />
            <source>Paid</source>
            <translation>已还</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="100" />
            <source>Outstanding</source>
            <translation>未还</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="176" />
            <source>The statement could not be written: the printer or file is not available.</source>
            <translation>无法写出账单：打印机或文件不可用。</translation>
        </message>
        <message>
            <location filename="../../ui/printing/statement.py" line="188" />
            <source>Page %1 of %2</source>
            <translation>第 %1 页，共 %2 页</translation>
        </message>
    </context>
    <context>
        <name>TermsPage</name>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="259" />
            <source>Terms: %1</source>
            <translation>条件：%1</translation>
        </message>
    </context>
    <context>
        <name>TransactionsTab</name>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="34" />
            <source>All types</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="35" />
            <source>Purchases</source>
            <translation>消费</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="36" />
            <source>Repayments</source>
            <translation>还款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="37" />
            <source>Refunds</source>
            <translation>退款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="38" />
            <source>Credits (repayments, refunds, waivers)</source>
            <translation>贷记（还款、退款、减免）</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="40" />
            <source>Disputes and fraud</source>
            <translation>争议与欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="42" />
            <source>Installments</source>
            <translation>分期</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="44" />
            <source>Interest and penalties</source>
            <translation>利息与罚息</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="45" />
            <source>Fees and waivers</source>
            <translation>手续费与减免</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="46" />
            <source>Cash loan</source>
            <translation>现金借款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="47" />
            <source>Adjustments and hardship plans</source>
            <translation>调整与协商还款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="59" />
            <source>Only a charge can be disputed: a purchase, a fee, interest or an adjustment. Repayments, refunds and credits cannot.</source>
            <translation>只有扣款可以发起争议：消费、费用、利息或调整。还款、退款和贷记不可以。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="113" />
            <source>Account:</source>
            <translation>账户：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="118" />
            <source>Type:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="126" />
            <source>Dates</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="127" />
            <source>Only transactions between these business dates (inclusive)</source>
            <translation>仅显示这两个营业日之间（含）的交易</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="149" />
            <source>Transactions</source>
            <translation>交易</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="156" />
            <location filename="../../ui/workspace/transactions.py" line="313" />
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="283" />
            <source>Dispute this transaction…</source>
            <translation>对此交易发起争议…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="287" />
            <location filename="../../ui/workspace/transactions.py" line="304" />
            <source>Your role cannot file disputes or fraud reports.</source>
            <translation>您的角色不能提交争议或欺诈举报。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="290" />
            <source>A dispute is about one transaction: select just one.</source>
            <translation>一次争议针对一笔交易：请只选择一笔。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="295" />
            <source>Open a dispute of this charge; the amount defaults to all of it.</source>
            <translation>对此扣款发起争议；金额默认为全额。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="299" />
            <source>Report fraud…</source>
            <translation>欺诈举报…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/transactions.py" line="307" />
            <source>Report fraud with the %n selected purchase(s) ticked.</source>
            <translation>
                <numerusform>举报欺诈，并勾选所选的 %n 笔消费。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="309" />
            <source>Only purchases and loan disbursements can be linked to a fraud report.</source>
            <translation>只有消费和借款放款可以关联到欺诈举报。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="372" />
            <source>Loading transactions…</source>
            <translation>正在加载交易…</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/transactions.py" line="374" />
            <source>No transactions match these filters.</source>
            <translation>没有符合筛选条件的交易。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/transactions.py" line="376" />
            <source>%n transaction(s) loaded, newest first; more load as you scroll.</source>
            <translation>
                <numerusform>已加载 %n 笔交易，最新的在前；向下滚动加载更多。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/transactions.py" line="378" />
            <source>All %n transaction(s) shown, newest first.</source>
            <translation>
                <numerusform>已显示全部 %n 笔交易，最新的在前。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TypePage</name>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="119" />
            <source>Choose the arrangement</source>
            <translation>选择还款安排</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="120" />
            <source>Every arrangement is quoted first: nothing changes on the account until you confirm.</source>
            <translation>每项还款安排都先报价：确认前账户不会有任何变更。</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="126" />
            <source>Account:</source>
            <translation>账户：</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="210" />
            <source>On this account now: %1</source>
            <translation>该账户当前：%1</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="219" />
            <source>Not available: %1</source>
            <translation>不可用：%1</translation>
        </message>
    </context>
    <context>
        <name>UsersView</name>
        <message>
            <location filename="../../ui/admin/users.py" line="181" />
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="190" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="198" />
            <source>New user…</source>
            <translation>新建用户…</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="200" />
            <source>Change role…</source>
            <translation>更改角色…</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="202" />
            <location filename="../../ui/admin/users.py" line="256" />
            <source>Disable</source>
            <translation>停用</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="204" />
            <source>Reset password…</source>
            <translation>重置密码…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/admin/users.py" line="233" />
            <source>%n user(s)</source>
            <translation>
                <numerusform>%n 个用户</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="256" />
            <source>Enable</source>
            <translation>启用</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="284" />
            <source>Disable user</source>
            <translation>停用用户</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="285" />
            <source>Disable %1? Their sessions end at once and they cannot sign in until enabled.</source>
            <translation>停用 %1？其会话将立即结束，重新启用前无法登录。</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="298" />
            <source>Saved: %1 is now %2, %3.</source>
            <translation>已保存：%1 现为%2，%3。</translation>
        </message>
    </context>
    <context>
        <name>Wording</name>
        <message>
            <location filename="../../ui/wording.py" line="88" />
            <location filename="../../ui/wording.py" line="155" />
            <source>Penalty interest</source>
            <translation>罚息</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="89" />
            <location filename="../../ui/wording.py" line="154" />
            <source>Interest</source>
            <translation>利息</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="90" />
            <source>Fees</source>
            <translation>费用</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="95" />
            <source>penalty interest</source>
            <translation>罚息</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="96" />
            <source>interest</source>
            <translation>利息</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="97" />
            <source>fees</source>
            <translation>费用</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="112" />
            <source>Provisional credit for dispute %1</source>
            <translation>争议 %1 的临时贷记</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="113" />
            <source>Provisional credit for dispute %1 reversed</source>
            <translation>争议 %1 的临时贷记已冲回</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="114" />
            <source>Refund after dispute %1</source>
            <translation>争议 %1 退款</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="115" />
            <source>Written off after dispute %1</source>
            <translation>争议 %1 核销</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="123" />
            <source>%1 %2/%3 of plan %4 (%5)</source>
            <translation>%1 第 %2/%3 期 · 分期计划 %4（%5）</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="126" />
            <source>%1 %2/%3 of plan %4</source>
            <translation>%1 第 %2/%3 期 · 分期计划 %4</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="128" />
            <source>%1 %2/%3</source>
            <translation>%1 第 %2/%3 期</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="133" />
            <source>Cash loan over %1 months</source>
            <translation>借呗分 %1 个月还款</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="135" />
            <source>%1 purchase converted to %2 installments</source>
            <translation>%1 消费转 %2 期分期</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="137" />
            <source>Converted to %1 installments</source>
            <translation>转 %1 期分期</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="147" />
            <source>%1 waived</source>
            <translation>%1减免</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="151" />
            <source>Purchase at %1</source>
            <translation>%1 消费</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="152" />
            <source>Refund from %1</source>
            <translation>%1 退款</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="153" />
            <source>Repayment, thank you</source>
            <translation>还款，谢谢</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="156" />
            <source>Cash loan paid out</source>
            <translation>借呗放款</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="157" />
            <source>Balance of the previous bill</source>
            <translation>上期账单余额</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="161" />
            <source>Bill converted to %1 monthly installments</source>
            <translation>账单分 %1 期</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="163" />
            <source>Moved into a hardship plan of %1 months</source>
            <translation>转入 %1 期协商还款</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="164" />
            <source>Penalty interest waived (hardship plan)</source>
            <translation>罚息减免（协商还款）</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="166" />
            <source>Hardship plan ended: what was left of it is owed on the account again</source>
            <translation>协商还款终止：剩余欠款重新计入账户</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="169" />
            <source>Written off: transaction %1, fraud report %2</source>
            <translation>核销：交易 %1，欺诈举报 %2</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="171" />
            <source>Plan %1 shrunk: credited principal not yet billed</source>
            <translation>分期计划 %1 缩减：已贷记但未出账的本金</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="173" />
            <source>Plan %1: fees billed on credited principal reversed</source>
            <translation>分期计划 %1：已贷记本金上已出账的手续费冲回</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="201" />
            <source>Under dispute</source>
            <translation>争议中</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="202" />
            <source>Provisionally credited</source>
            <translation>已临时贷记</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="203" />
            <source>Refunded after a dispute</source>
            <translation>争议已退款</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="204" />
            <source>Written off</source>
            <translation>已核销</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="205" />
            <source>Reported as fraud</source>
            <translation>已欺诈举报</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="227" />
            <source>%1: %2 — %3</source>
            <translation>%1：%2 —— %3</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="234" />
            <source>%1 days is over the %2 days an agent may grant alone (up to %3 with a supervisor).</source>
            <translation>%1 天超过了坐席可自行批准的 %2 天（经主管审批最多 %3 天）。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="237" />
            <source>%1 months is over the %2 months an agent may grant alone.</source>
            <translation>%1 个月超过了坐席可自行批准的 %2 个月。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="239" />
            <source>A penalty waiver of %1 is over the %2 an agent may grant alone.</source>
            <translation>罚息减免 %1 超过了坐席可自行批准的 %2。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="242" />
            <source>%1 waived in %2 days (this one and %3 before) is over the %4 an agent may waive alone.</source>
            <translation>%2 天内减免 %1（本次及此前的 %3）超过了坐席可自行减免的 %4。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="278" />
            <source>Dispute (%1: %2): %3 of transaction %4 (%5)</source>
            <translation>争议（%1：%2）：交易 %4 中的 %3（%5）</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="280" />
            <source>Dispute (%1: %2): %3 of transaction %4</source>
            <translation>争议（%1：%2）：交易 %4 中的 %3</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="288" />
            <source>Fraud report (%1): %2, %3</source>
            <translation>欺诈举报（%1）：%2，%3</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="295" />
            <source>%1: %2 months, %3</source>
            <translation>%1：%2 个月，%3</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="297" />
            <source>%1: %2 days</source>
            <translation>%1：%2 天</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="299" />
            <source>%1: %2 of %3</source>
            <translation>%1：%3 %2</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="302" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="305" />
            <source>%1. Needs approval: %2</source>
            <translation>%1。需要审批：%2</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="338" />
            <source>a new claim</source>
            <translation>新的申请</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="339" />
            <source>the credit of dispute %1</source>
            <translation>争议 %1 的贷记</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="340" />
            <source>the write-off of fraud report %1</source>
            <translation>欺诈举报 %1 的核销</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="345" />
            <source>%1 disputed by %2</source>
            <translation>%2 争议中 %1</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="346" />
            <source>%1 provisionally credited by %2</source>
            <translation>%2 已临时贷记 %1</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="347" />
            <source>%1 refunded by %2</source>
            <translation>%2 已退款 %1</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="348" />
            <source>%1 written off by %2</source>
            <translation>%2 已核销 %1</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="349" />
            <source>%1 reported as fraud by %2</source>
            <translation>%2 已举报欺诈 %1</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="355" />
            <source>dispute %1</source>
            <translation>争议 %1</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="356" />
            <source>fraud report %1</source>
            <translation>欺诈举报 %1</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="365" />
            <source>Transaction %1 (%2) already has %3; %4 of %5 would credit it beyond its amount (at most %6 is left).</source>
            <translation>交易 %1（%2）已有：%3；%4 %5 将使贷记超过交易金额（最多还剩 %6）。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="367" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="368" />
            <source>nothing</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="374" />
            <source>The account owes %1; a promise cannot exceed it.</source>
            <translation>账户欠款 %1，承诺金额不能超过此数。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="377" />
            <source>The penalty waiver cannot exceed the interest and penalty interest owed on the bill (%1).</source>
            <translation>罚息减免不能超过账单所欠的利息和罚息（%1）。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="381" />
            <source>The bill owes %1 of %2; a waiver cannot exceed it.</source>
            <translation>账单所欠%2为 %1；减免金额不能超过该金额。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="387" />
            <source>dispute</source>
            <translation>争议</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="388" />
            <source>fraud report</source>
            <translation>欺诈举报</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="389" />
            <source>arrangement</source>
            <translation>还款安排</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="392" />
            <source>You proposed this outcome: another supervisor must approve or reject it (four eyes).</source>
            <translation>该处理结果由您提议，须由另一位主管批准或驳回（双人复核）。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="393" />
            <source>You proposed this arrangement: another supervisor must decide it (four eyes).</source>
            <translation>该还款安排由您提议，须由另一位主管决定（双人复核）。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="394" />
            <source>You proposed this change: another admin must approve it (four eyes).</source>
            <translation>该变更由您提议，须由另一位管理员批准（双人复核）。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="403" />
            <source>This %1 is “%2”: “%3” is not possible.</source>
            <translation>该%1当前为“%2”，不能“%3”。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="404" />
            <source>This %1 is “%2”: “%3” is not possible now. Allowed now: %4.</source>
            <translation>该%1当前为“%2”，现在不能“%3”。当前可执行：%4。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="405" />
            <location filename="../../ui/wording.py" line="415" />
            <location filename="../../ui/wording.py" line="430" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="411" />
            <source>Only a supervisor may “%1”.</source>
            <translation>只有主管可以“%1”。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="420" />
            <source>This dispute was already extended; only a supervisor may extend it again.</source>
            <translation>该争议已延期过一次；再次延期须由主管办理。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="421" />
            <source>A handler may extend to at most %1 days from filing; ask a supervisor for more.</source>
            <translation>争议处理专员最多可延期至提交后 %1 天；更长须请主管办理。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="426" />
            <source>transaction %1 (dispute %2)</source>
            <translation>交易 %1（争议 %2）</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="428" />
            <source>Under open dispute: %1. Withdraw the dispute first, or leave the transaction out of this report.</source>
            <translation>处于未结争议中：%1。请先撤回争议，或不将该交易列入本次举报。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="437" />
            <source>Transaction %1 is already under open dispute %2.</source>
            <translation>交易 %1 已在未结争议 %2 中。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="439" />
            <source>Transaction %1 is in fraud report %2; work it there (a confirmed report writes it off) instead of disputing it.</source>
            <translation>交易 %1 已在欺诈举报 %2 中；请在该举报中处理（举报确认后将核销），不要再发起争议。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="442" />
            <source>A provisional credit of %1 is outstanding; reverse it first.</source>
            <translation>尚有 %1 的临时贷记未冲回；请先冲回。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="444" />
            <source>There is no outstanding provisional credit to reverse.</source>
            <translation>没有可冲回的临时贷记。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="445" />
            <source>The decision window is %1 days; it may grow to at most %2 days from filing (%3 more days).</source>
            <translation>处理期限为 %1 天；自提交起最多可延至 %2 天（还可延 %3 天）。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="449" />
            <source>Already reported as fraud in another report: transaction %1.</source>
            <translation>已在另一份欺诈举报中：交易 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="457" />
            <source>A hardship plan runs %1 to %2 months.</source>
            <translation>协商还款期限为 %1 至 %2 个月。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="459" />
            <source>The promised date must be from %1 to %2.</source>
            <translation>承诺还款日期必须在 %1 至 %2 之间。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="461" />
            <source>The due date was already extended on %1; one extension per %2 days, the next from %3.</source>
            <translation>到期日已于 %1 延期；每 %2 天限一次，下次可从 %3 起办理。</translation>
        </message>
        <message>
            <location filename="../../ui/wording.py" line="464" />
            <source>Only the latest bill (%1) can be converted.</source>
            <translation>只有最新账单（%1）可以分期。</translation>
        </message>
    </context>
    <context>
        <name>WorkspaceAudit</name>
        <message>
            <location filename="../../ui/workspace/audit.py" line="24" />
            <source>Audit</source>
            <translation>审计</translation>
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
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/labels.py" line="98" />
            <source>Chat</source>
            <translation>在线客服</translation>
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
            <location filename="../../ui/widgets/table_model.py" line="203" />
            <source>Credit: reduces what the customer owes</source>
            <translation>贷记：减少客户欠款</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="37" />
            <source>Statement date</source>
            <translation>账单日</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="292" />
            <location filename="../../ui/workspace/models.py" line="38" />
            <location filename="../../ui/workspace/models.py" line="105" />
            <source>Due date</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="294" />
            <source>Fee</source>
            <translation>手续费</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="295" />
            <location filename="../../ui/workspace/models.py" line="39" />
            <location filename="../../ui/workspace/models.py" line="108" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="40" />
            <source>Minimum</source>
            <translation>最低还款额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="41" />
            <location filename="../../ui/workspace/models.py" line="109" />
            <source>Paid</source>
            <translation>已还</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="42" />
            <source>Outstanding</source>
            <translation>未还</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="61" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="52" />
            <location filename="../../ui/admin/policy.py" line="87" />
            <location filename="../../ui/admin/policy.py" line="96" />
            <source>Limit</source>
            <translation>限额</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="53" />
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="54" />
            <source>In force since</source>
            <translation>生效时间</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="88" />
            <source>Now</source>
            <translation>当前值</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="89" />
            <location filename="../../ui/workspace/arrangements.py" line="47" />
            <source>Proposed</source>
            <translation>提出</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="91" />
            <source>On</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="92" />
            <location filename="../../ui/admin/policy.py" line="103" />
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="97" />
            <location filename="../../ui/audit/models.py" line="103" />
            <source>Before</source>
            <translation>变更前</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="98" />
            <location filename="../../ui/audit/models.py" line="104" />
            <source>After</source>
            <translation>变更后</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="99" />
            <location filename="../../ui/workspace/arrangements.py" line="43" />
            <location filename="../../ui/workspace/cases.py" line="63" />
            <location filename="../../ui/workspace/models.py" line="43" />
            <location filename="../../ui/workspace/models.py" line="87" />
            <location filename="../../ui/workspace/models.py" line="110" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="101" />
            <source>Decided by</source>
            <translation>审批人</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="102" />
            <source>In force from</source>
            <translation>生效时间</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="66" />
            <source>Due</source>
            <translation>到期</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="67" />
            <source>Assignee</source>
            <translation>处理人</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/cases.py" line="68" />
            <source>Opened</source>
            <translation>开立</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="56" />
            <location filename="../../ui/workspace/models.py" line="173" />
            <source>Posted</source>
            <translation>入账时间</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="92" />
            <location filename="../../ui/workspace/arrangements.py" line="41" />
            <location filename="../../ui/workspace/cases.py" line="60" />
            <location filename="../../ui/workspace/models.py" line="57" />
            <location filename="../../ui/workspace/models.py" line="174" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/audit/models.py" line="69" />
            <location filename="../../ui/workspace/history.py" line="118" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/audit/models.py" line="70" />
            <location filename="../../ui/workspace/history.py" line="124" />
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../ui/audit/models.py" line="74" />
            <location filename="../../ui/supervisor/approvals.py" line="97" />
            <location filename="../../ui/workspace/history.py" line="120" />
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../ui/audit/models.py" line="75" />
            <source>Entity</source>
            <translation>对象</translation>
        </message>
        <message>
            <location filename="../../ui/audit/models.py" line="77" />
            <source>Before → after</source>
            <translation>变更前 → 变更后</translation>
        </message>
        <message>
            <location filename="../../ui/audit/models.py" line="102" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../ui/admin/policy.py" line="90" />
            <location filename="../../ui/admin/policy.py" line="100" />
            <location filename="../../ui/supervisor/approvals.py" line="99" />
            <location filename="../../ui/workspace/arrangements.py" line="46" />
            <source>Proposed by</source>
            <translation>提议人</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="95" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="100" />
            <source>Waiting since</source>
            <translation>等待起始</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="102" />
            <location filename="../../ui/workspace/cases.py" line="64" />
            <source>SLA</source>
            <translation>时限</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="58" />
            <location filename="../../ui/workspace/models.py" line="82" />
            <location filename="../../ui/workspace/models.py" line="176" />
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor/approvals.py" line="98" />
            <location filename="../../ui/workspace/arrangements.py" line="45" />
            <location filename="../../ui/workspace/cases.py" line="62" />
            <location filename="../../ui/workspace/history.py" line="123" />
            <location filename="../../ui/workspace/models.py" line="59" />
            <location filename="../../ui/workspace/models.py" line="177" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="121" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="125" />
            <location filename="../../ui/workspace/models.py" line="77" />
            <location filename="../../ui/workspace/models.py" line="128" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/history.py" line="119" />
            <location filename="../../ui/workspace/models.py" line="80" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="293" />
            <location filename="../../ui/workspace/models.py" line="83" />
            <location filename="../../ui/workspace/models.py" line="106" />
            <source>Principal</source>
            <translation>本金</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="84" />
            <location filename="../../ui/workspace/models.py" line="107" />
            <source>Fee / interest</source>
            <translation>手续费/利息</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="85" />
            <source>Terms</source>
            <translation>期数</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="86" />
            <source>Principal left</source>
            <translation>剩余本金</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="55" />
            <source>Username</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="56" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="57" />
            <location filename="../../ui/audit/models.py" line="71" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="58" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="60" />
            <location filename="../../ui/workspace/models.py" line="89" />
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <location filename="../../ui/arrangements/wizard_pages.py" line="291" />
            <location filename="../../ui/workspace/models.py" line="104" />
            <source>Period</source>
            <translation>期次</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="125" />
            <source>Written</source>
            <translation>填写时间</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="126" />
            <source>By</source>
            <translation>填写人</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="127" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="129" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="175" />
            <source>Merchant</source>
            <translation>商户</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/models.py" line="180" />
            <source>Dispute / fraud</source>
            <translation>争议/欺诈</translation>
        </message>
        <message>
            <location filename="../../ui/workspace/arrangements.py" line="48" />
            <source>Ended</source>
            <translation>结束日期</translation>
        </message>
    </context>
    <context>
        <name>banner</name>
        <message>
            <location filename="../../ui/widgets/banner.py" line="153" />
            <source>Details…</source>
            <translation>详情…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/banner.py" line="156" />
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/banner.py" line="163" />
            <location filename="../../ui/widgets/banner.py" line="164" />
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>dialog</name>
        <message>
            <location filename="../../ui/admin/users.py" line="75" />
            <source>Again</source>
            <translation>再次输入</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users.py" line="76" />
            <source>At least 12 characters, not the username. The user chooses their own at the next sign-in.</source>
            <translation>至少 12 个字符，不能与用户名相同。用户下次登录时须自行设置新密码。</translation>
        </message>
    </context>
</TS>
