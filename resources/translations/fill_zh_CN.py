"""Fill creditdesk_zh_CN.ts from the translations below (run after `make translations` adds strings).

    .venv/bin/python resources/translations/fill_zh_CN.py && make translations

Only messages without a finished translation are filled; a translator's edits in Qt Linguist win,
unless they use a word `glossary.md` rejects for a business term, or say an English source another
way than its other contexts do: those are filled again, so each term, and each English, is said
one way everywhere (ZH_IN_CONTEXT names the few English words with two meanings). Sources missing
here are listed, so nothing stays English by accident.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

TS = Path(__file__).with_name("creditdesk_zh_CN.ts")
GLOSSARY = Path(__file__).with_name("glossary.md")
PARTS = Path(__file__).with_name("zh_CN")  # one file of translations per area of the console

# One English word, two meanings: the translation in these Qt contexts (the channel tables say
# "Phone" for a call, everywhere else "Phone" is the number).
ZH_IN_CONTEXT: dict[tuple[str, str], str] = {
    ("Casework", "Phone"): "电话",
    ("WorkspaceLabels", "Phone"): "电话",
    # A bill's status (an open case is 未结) and an account's (a closed case is 已结).
    ("Chips", "Open"): "待还款",
    ("Chips", "Closed"): "已关闭",
    # The audit trail's action stands alone (in the contact history it follows "case 16 ·").
    ("AuditWords", "Case opened"): "案件已开立",
    # The workspace's contact history tab (a policy's history is 历史).
    ("CustomerWorkspace", "History"): "联系历史",
    # How many: a plan's number of installments, of terms (the installments themselves are 分期,
    # an arrangement's terms 条件).
    ("ApprovalsView", "Installments"): "分期期数",
    ("WorkspaceModels", "Terms"): "期数",
    # A promise: "¥100 by 2026-12-05" (elsewhere "2026-12-01 10:00 by Agent One").
    ("Arrangements", "%1 by %2"): "%2 前还 %1",
    # A case's timeline event (a case without an assignee is 未分配).
    ("CasePage", "Unassigned"): "已取消分配",
    ("ContactHistory", "Unassigned"): "已取消分配",
}

ZH: dict[str, str] = {
    # Casework money events and arrangements
    "Disputes and fraud": "争议与欺诈",
    "Adjustments and hardship plans": "调整与协商还款",
    "Fee reversal": "费用减免",
    "Provisional credit (dispute)": "争议临时贷记",
    "Provisional credit reversed": "临时贷记冲回",
    "Dispute refund": "争议退款",
    "Write-off": "核销",
    "Bill converted to installments": "账单分期转入",
    "Moved into a hardship plan": "转入协商还款",
    # Money, accounts and bills (DESIGN §3 wording)
    "Credit: reduces what the customer owes": "贷记：减少客户欠款",
    "Daily rate %1": "日利率 %1",
    "Opened %1": "开户于 %1",
    "Account": "账户",
    "Account:": "账户：",
    "Loan limit": "借款额度",
    "Credit limit": "额度",
    "Used": "已用",
    "Available": "可用",
    "Balance": "余额",
    "Past due": "逾期金额",
    "Days past due": "逾期天数",
    "Next due date": "下一到期日",
    "Next due amount": "下期应还金额",
    "Amount due": "应还金额",
    "Current bill": "本期账单",
    "No bill yet: the first statement is cut on the 1st.": "暂无账单：首期账单于每月1日出具。",
    "No bills yet: the first statement is cut on the 1st.": "暂无账单：首期账单于每月1日出具。",
    "Active installment plans: %1 · principal still to bill or pay: %2": "进行中的分期：%1 笔 · 未出账或未还本金：%2",
    "Statement date": "账单日",
    "Due date": "到期日",
    "Total": "合计",
    "Minimum payment": "最低还款额",
    "Paid": "已还",
    "Outstanding": "未还",
    "Status": "状态",
    "Bills": "账单",
    "Bill lines": "账单明细",
    "Lines of the bill of %1 (due %2)": "%1 账单明细（到期日 %2）",
    "%n line(s) · sum %1": "%n 条 · 合计 %1",
    "bill total %1": "账单总额 %1",
    "bill total %1: report this bill": "账单总额 %1：请上报此账单",
    # Table headers (workspace)
    "Minimum": "最低还款额",
    "Posted": "入账时间",
    "Type": "类型",
    "Description": "描述",
    "Amount": "金额",
    "Kind": "类别",
    "Principal": "本金",
    "Fee / interest": "手续费/利息",
    "Terms": "条件",
    "Principal left": "剩余本金",
    "Created": "创建时间",
    "Period": "期次",
    "Written": "填写时间",
    "By": "填写人",
    "Channel": "渠道",
    "Note": "备注",
    "Merchant": "商户",
    # Failures
    "Something went wrong": "出错了",
    "CreditDesk hit a problem it did not expect. What you were doing may not have been saved. Copy this report and send it to support.": "CreditDesk 遇到了意外问题，刚才的操作可能没有保存。请复制这份报告并发送给技术支持。",
    "Copy report": "复制报告",
    "Copied": "已复制",
    "Something went wrong. It is not your fault; you can copy a report for support.": "出错了。这不是您的操作问题；您可以复制一份报告发给技术支持。",
    "The server could not do this. Try again in a moment.": "服务器未能完成此操作，请稍后重试。",
    "This user is locked after too many failed sign-ins. Try again later or ask an administrator.": "登录失败次数过多，该用户已被锁定。请稍后再试或联系管理员。",
    "Demo users can sign in only to a demo server. Ask an administrator for an account.": "演示用户只能登录演示服务器。请向管理员申请账号。",
    "Signing in failed. Check the username and password and try again.": "登录失败。请检查用户名和密码后重试。",
    "Your role does not allow this; ask a supervisor if it is needed.": "您的角色无权执行此操作；如有需要，请联系主管。",
    "It was not found. It may have been removed; refresh and try again.": "未找到该记录，可能已被删除；请刷新后重试。",
    "This clashes with the current state. Refresh to see it, then try again.": "此操作与当前状态冲突。请刷新查看后重试。",
    "Some fields are not valid. Correct them and try again.": "部分字段无效，请更正后重试。",
    "Too many requests for now. Wait a while and try again.": "请求过于频繁，请稍候再试。",
    "The server could not accept the request. Try again; if it happens again, report it.": "服务器无法受理该请求。请重试；如再次出现，请上报。",
    "The username or password is wrong. Check them and try again.": "用户名或密码错误，请检查后重试。",
    "Your session has ended. Sign in again to continue where you were.": "您的会话已结束。请重新登录，继续刚才的工作。",
    "The same request is still being processed. Wait a moment and try again.": "相同的请求仍在处理中，请稍候再试。",
    "Someone else changed this record meanwhile. Reload it to see what changed, then try again.": "此记录已被他人修改。请重新加载查看变更后再试。",
    "The record's version was not sent with the change. Reload it and try again.": "提交修改时缺少记录版本。请重新加载后重试。",
    "The server is not available right now. Wait a moment and try again.": "服务器暂时不可用，请稍候再试。",
    "The server hit an unexpected problem. Try again; if it persists, report it.": "服务器发生意外错误。请重试；如持续出现，请上报。",
    "The server's answer could not be read. Check the server address, then try again.": "无法读取服务器的响应。请检查服务器地址后重试。",
    "The server did not answer in time. Check the network connection and try again.": "服务器响应超时。请检查网络连接后重试。",
    "The server's address could not be found. Check the server address and the network.": "找不到服务器地址。请检查服务器地址和网络。",
    "Cannot reach the server. Check the network connection or whether the server is running, then try again.": "无法连接服务器。请检查网络连接或服务器是否在运行，然后重试。",
    "The demo server found no free network port on this computer. Close some programs and try again.": "演示服务器在此电脑上找不到空闲的网络端口。请关闭一些程序后重试。",
    "The demo data file could not be opened. Check that the data folder is writable and the disk is not full, then try again.": "无法打开演示数据文件。请检查数据文件夹可写且磁盘未满，然后重试。",
    "The demo server stopped while starting. Try again; its log file in the data folder says why.": "演示服务器在启动时停止了。请重试；原因见数据文件夹中的日志文件。",
    "The demo server on this computer could not start. Try again; its log file in the data folder says why.": "此电脑上的演示服务器无法启动。请重试；原因见数据文件夹中的日志文件。",
    "This computer has no usable password store, so your sign-in cannot be remembered; you will be asked for your password at each start.": "此电脑没有可用的密码存储，无法记住您的登录；每次启动都需要输入密码。",
    # Busy, banner
    "Loading": "加载中",
    "Loading…": "加载中…",
    "Details…": "详情…",
    "Retry": "重试",
    "Dismiss": "关闭",
    # Chips and labels
    "Active": "正常",
    "Frozen": "已冻结",
    "Closed": "已结",
    "Charged off": "已核销",
    "Current": "未逾期",
    "M1 overdue": "M1 逾期",
    "M2 overdue": "M2 逾期",
    "M3 overdue": "M3 逾期",
    "M4+ overdue": "M4+ 逾期",
    "Open": "未结",
    "Partially paid": "部分还款",
    "Overdue": "已逾期",
    "Paid off": "已结清",
    "Paid off early": "提前结清",
    "Completed": "已完成",
    "Cancelled": "已取消",
    "Broken": "已违约",
    "Pending": "待处理",
    "Billed": "已出账",
    "Not due": "未到期",
    "Waived": "已减免",
    "Scheduled": "待出账",
    "Credit line": "信用额度",
    "Cash loan": "现金借款",
    "Credit line (Huabei)": "信用额度（花呗）",
    "Cash loan (Jiebei)": "现金借款（借呗）",
    "Bill installment": "账单分期",
    "Purchase installment": "交易分期",
    "Hardship plan": "协商还款",
    "Purchase": "消费",
    "Refund": "退款",
    "Repayment": "还款",
    "Loan disbursement": "借款放款",
    "Converted to installments": "转为分期",
    "Installment principal": "分期本金",
    "Installment fee": "分期手续费",
    "Loan principal": "借款本金",
    "Loan interest": "借款利息",
    "Fee": "手续费",
    "Interest": "利息",
    "Penalty interest": "罚息",
    "Fee waiver": "费用减免",
    "Adjustment": "调整",
    "Previous balance": "上期余额",
    "Phone": "手机号",
    "Chat": "在线客服",
    "Email": "电子邮件",
    "Branch": "网点",
    "phone number": "手机号",
    "national ID": "身份证号",
    "bank card": "银行卡号",
    # Header, workspace
    "National ID": "身份证号",
    "Open cases": "未结案件",
    "The most overdue of the customer's accounts": "该客户逾期最严重的账户",
    "Name": "姓名",
    "ID number": "身份证号",
    "Accounts": "账户",
    "Customer %1": "客户 %1",
    "Opening customer %1…": "正在打开客户 %1…",
    "Refresh (F5)": "刷新 (F5)",
    "Refresh": "刷新",
    "Overview": "概览",
    "Installments": "分期",
    "Transactions": "交易",
    "Notes": "备注",
    "Installment plans": "分期计划",
    "No installment plans.": "没有分期计划。",
    "Schedule": "还款计划",
    "Schedule of %1: %2, %n term(s)": "%1 的还款计划：%2，共 %n 期",
    "Principal %1 · fee / interest %2 · total %3 · paid %4": "本金 %1 · 手续费/利息 %2 · 合计 %3 · 已还 %4",
    "This customer has no accounts.": "该客户没有账户。",
    "(none on file)": "（未登记）",
    "Hide": "隐藏",
    "Show the masked value again": "重新显示掩码值",
    "Reveal": "查看完整",
    "Show the full value; asks for a reason, which is audited": "显示完整信息；需填写原因，并记入审计",
    "Reveal %1": "查看完整%1",
    "Reveal the full %1 of %2? Your reason is kept in the audit trail, and reveals are limited per hour.": "要查看 %2 的完整%1吗？您填写的原因将记入审计记录，且每小时查看次数有限。",
    "Reason (at least %n characters):": "原因（至少 %n 个字符）：",
    "Caller asked to confirm the number on file": "来电人要求核对登记的号码",
    "Identity check: caller gave a number to compare": "身份核验：来电人提供号码以供比对",
    "Customer requested a correction of their data": "客户要求更正个人信息",
    "Why do you need to see it?": "为什么需要查看？",
    # Notes
    "Write a contact note: what the caller asked, what you did or promised…": "填写联络备注：来电人咨询了什么，您做了什么或承诺了什么…",
    "New note": "新备注",
    "On account:": "账户：",
    "Channel:": "渠道：",
    "Add note": "添加备注",
    "Save the note (Ctrl+Enter)": "保存备注 (Ctrl+Enter)",
    "No contact notes yet.": "暂无联络备注。",
    "The latest %n note(s), newest first.": "最近 %n 条备注，最新的在前。",
    "%n note(s), newest first.": "%n 条备注，最新的在前。",
    # Transactions
    "All types": "全部类型",
    "Purchases": "消费",
    "Repayments": "还款",
    "Refunds": "退款",
    "Credits (repayments, refunds, waivers)": "贷记（还款、退款、减免）",
    "Interest and penalties": "利息与罚息",
    "Fees and waivers": "手续费与减免",
    "Adjustments": "调整",
    "Type:": "类型：",
    "Dates": "日期",
    "Only transactions between these business dates (inclusive)": "仅显示这两个营业日之间（含）的交易",
    "Loading transactions…": "正在加载交易…",
    "No transactions match these filters.": "没有符合筛选条件的交易。",
    "%n transaction(s) loaded, newest first; more load as you scroll.": "已加载 %n 笔交易，最新的在前；向下滚动加载更多。",
    "All %n transaction(s) shown, newest first.": "已显示全部 %n 笔交易，最新的在前。",
    # Login
    "Coming in a later release.": "将在后续版本中提供。",
    "Coming in a later release": "将在后续版本中提供",
    "Preparing demo data… %1 of %2 customers": "正在准备演示数据… %1 / %2 位客户",
    "Preparing the database…": "正在准备数据库…",
    "Catching up end of day…": "正在补跑日终批处理…",
    "Starting the server…": "正在启动服务…",
    "Ready.": "就绪。",
    "Preparing demo data… The first start takes a little while.": "正在准备演示数据… 首次启动需要一点时间。",
    "Sign in to CreditDesk": "登录 CreditDesk",
    "CreditDesk": "CreditDesk",
    "Customer service console": "信用服务台 · 客户服务工作台",
    "Demo users (password “demo”)": "演示用户（密码 “demo”）",
    "Demo users": "演示用户",
    "Click to fill in; double-click to sign in": "单击填入；双击直接登录",
    "Sign in": "登录",
    "Demo data on this computer": "本机演示数据",
    "Demo data on this computer (%1)": "本机演示数据（%1）",
    "Server address:": "服务器地址：",
    "Server address": "服务器地址",
    "Server": "服务器",
    "Username": "用户名",
    "Password": "密码",
    "Remember me on this computer": "在此电脑上记住我",
    "This computer has no usable password store, so your sign-in will not be remembered; you will be asked for your password at each start.": "此电脑没有可用的密码存储，您的登录不会被记住；每次启动都需要输入密码。",
    "Quit": "退出",
    "Not available with a server given on the command line": "命令行已指定服务器，此项不可用",
    "Preparing demo data…": "正在准备演示数据…",
    "Demo data is ready.": "演示数据已就绪。",
    "The demo data could not be prepared: %1": "无法准备演示数据：%1",
    "Resuming your session…": "正在恢复您的会话…",
    "Enter the server address, starting with http:// or https://.": "请输入以 http:// 或 https:// 开头的服务器地址。",
    "Enter your username.": "请输入用户名。",
    "Enter your password.": "请输入密码。",
    "Signing in as soon as the demo data is ready…": "演示数据就绪后将自动登录…",
    "Signing in…": "正在登录…",
    "Sign in again": "重新登录",
    "Your session has ended": "您的会话已结束",
    "Enter the password of %1 to continue where you were. Nothing on screen is lost.": "请输入 %1 的密码以继续刚才的工作，屏幕上的内容不会丢失。",
    "Log out": "退出登录",
    # Main window
    "Search": "搜索",
    "My cases": "我的案件",
    "Queues": "案件队列",
    "Approvals": "审批",
    "Dashboard": "仪表盘",
    "Audit trail": "审计记录",
    "Users and roles": "用户与角色",
    "The disputes, fraud reports and arrangements assigned to you, by deadline.": "分配给您的争议、欺诈举报和还款安排，按截止时间排序。",
    "The dispute and fraud queues with their SLA state, and “take next”.": "争议与欺诈队列及其 SLA 状态，以及“领取下一件”。",
    "Arrangements and large dispute outcomes waiting for a supervisor's approval.": "等待主管审批的还款安排和大额争议处理结果。",
    "Queue depth, cases at risk or breached, ageing and approvals waiting.": "队列积压、临近超时或已超时的案件、账龄及待审批事项。",
    "Who changed or revealed what, and when.": "谁在何时修改或查看了哪些信息。",
    "Users, roles and policy limits.": "用户、角色与政策限额。",
    "%1 — CreditDesk": "%1 — CreditDesk",
    "&File": "文件(&F)",
    "Log &out": "退出登录(&O)",
    "&Quit": "退出(&Q)",
    "&View": "视图(&V)",
    "Find customer": "查找客户",
    "Close customer tab": "关闭客户标签页",
    "Theme": "主题",
    "Light": "浅色",
    "Dark": "深色",
    "Language": "语言",
    "&Help": "帮助(&H)",
    "About CreditDesk": "关于 CreditDesk",
    "Search: phone number, account number, name or ID last 4  (Ctrl+K)": "搜索：手机号、账号、姓名或身份证后4位  (Ctrl+K)",
    "Search customers": "搜索客户",
    "Views": "视图",
    "Customer search is not part of the %1 role": "%1角色不包含客户搜索",
    "%1 · %2": "%1 · %2",
    "Signed in as %1": "已登录：%1",
    "Close (Ctrl+W)": "关闭 (Ctrl+W)",
    "CreditDesk — customer service console for consumer credit.\nAll data in the demo is fictional.": "CreditDesk — 消费信贷客户服务工作台。\n演示中的所有数据均为虚构。",
    # Roles
    "Agent": "坐席",
    "Dispute handler": "争议处理专员",
    "Supervisor": "主管",
    "Admin": "管理员",
    # Search
    "Find a customer by full phone number, account number (HB…), name, or the last 4 digits of the ID number.\n\nPress Ctrl+K to search from anywhere.": "按完整手机号、账号（HB…）、姓名或身份证后4位查找客户。\n\n在任何界面按 Ctrl+K 即可搜索。",
    "No customer matches “%1”. Check the number, or try the name or the account number.": "没有与“%1”匹配的客户。请检查号码，或改用姓名、账号搜索。",
    "%1 customers for “%2”": "“%2”共 %1 位客户",
    "1 customer for “%1”": "“%1”共 1 位客户",
    # Admin: users, policy, audit trail
    "%1's sessions end now; they sign in with this password and must then choose their own.": "%1 的会话将立即结束；其用此密码登录后须自行设置新密码。",
    "Check every record's hash and link, as verify-audit does": "像 verify-audit 一样检查每条记录的哈希与链接",
    "The new role applies to %1's next request.": "新角色自 %1 的下一次请求起生效。",
    "letters, digits, '.', '_' or '-'": "字母、数字、“.”、“_”或“-”",
    "%1 records exported to %2": "已导出 %1 条记录到 %2",
    "%n business day(s)": "%n 个工作日",
    "%n hour(s)": "%n 小时",
    "%n month(s)": "%n 个月",
    "%n payment(s)": "%n 期",
    "%n record(s) shown; more as you scroll": "已显示 %n 条记录；滚动加载更多",
    "%n record(s)": "%n 条记录",
    "%n user(s)": "%n 个用户",
    "A change of this limit is already waiting: approve or reject it first.": "该限额已有待审批的变更：请先批准或驳回。",
    "A user with this username already exists.": "该用户名已存在。",
    "After": "变更后",
    "Again": "再次输入",
    "An admin set your password. Choose one of your own to continue: at least 12 characters, not your username.": "您的密码由管理员设置。请设置您自己的密码后继续：至少 12 个字符，且不能与用户名相同。",
    "Apply": "应用",
    "Approvals queue: decide within": "审批队列：处理时限",
    "Approved: %1 is now %2.": "已批准：%1 现为 %2。",
    "At least 12 characters, not the username. The user chooses their own at the next sign-in.": "至少 12 个字符，不能与用户名相同。用户下次登录时须自行设置新密码。",
    "Audit": "审计",
    "Before → after": "变更前 → 变更后",
    "Before": "变更前",
    "Change role": "更改角色",
    "Change role…": "更改角色…",
    "Choose a different role.": "请选择另一个角色。",
    "Choose a password different from the one the admin set.": "请设置与管理员所设不同的密码。",
    "Choose a password of your own to sign in.": "请设置您自己的密码后再登录。",
    "Choose your password": "设置您的密码",
    "Clear": "清除",
    "Current password": "当前密码",
    "Decided by": "审批人",
    "Disable %1? Their sessions end at once and they cannot sign in until enabled.": "停用 %1？其会话将立即结束，重新启用前无法登录。",
    "Disable user": "停用用户",
    "Disable": "停用",
    "Disabled": "已停用",
    "Dispute outcomes over this need a supervisor": "超过此金额的争议结果需主管审批",
    "Dispute: a handler may extend to": "争议：处理员可延长至",
    "Dispute: a supervisor may extend to": "争议：主管可延长至",
    "Dispute: acknowledge within": "争议：受理时限",
    "Dispute: decide within": "争议：处理时限",
    "Due-date extension an agent may grant alone": "坐席可自行批准的延期天数",
    "Due-date extension at most (with a supervisor)": "延期上限（经主管批准）",
    "Enable": "启用",
    "Enabled": "已启用",
    "Entity id": "对象编号",
    "Entity type": "对象类型",
    "Entity": "对象",
    "Every record the filters select, not only those on screen": "导出筛选出的全部记录，而不仅是屏幕上显示的",
    "Fee waiver an agent may grant alone": "坐席可自行批准的费用减免",
    "Fee waiver window": "费用减免统计周期",
    "Field": "字段",
    "First password": "初始密码",
    "First value": "初始值",
    "Four eyes: a change applies when a second admin approves it.": "四眼原则：变更须经另一位管理员批准后生效。",
    "Fraud report: decide within": "欺诈举报：处理时限",
    "Fraud report: first review within": "欺诈举报：首次审查时限",
    "From": "从",
    "Give the username and the name.": "请填写用户名和姓名。",
    "Hardship penalty waiver an agent may grant alone": "坐席可自行批准的协商还款罚息减免",
    "Hardship plan term an agent may grant alone": "坐席可自行批准的协商还款期数",
    "Hardship plan: longest term": "协商还款：最长期限",
    "Hardship plan: shortest term": "协商还款：最短期限",
    "History": "历史",
    "In force from": "生效时间",
    "In force since": "生效时间",
    "Limit": "限额",
    "Limits in force (double-click to propose a change)": "现行限额（双击提出变更）",
    "Locked": "已锁定",
    "Missed payments that break a hardship plan": "协商还款失效的逾期期数",
    "Must choose a password": "须设置新密码",
    "New password": "新密码",
    "New user": "新建用户",
    "New user…": "新建用户…",
    "New value": "新值",
    "Now": "当前值",
    "On": "时间",
    "One due-date extension per this many days": "每多少天内限延期一次",
    "Policy limits with four eyes, and their history.": "经四眼审批的政策限额及其历史。",
    "Policy": "政策",
    "Promise to pay: latest date": "承诺还款：最晚日期",
    "Propose a change": "提出变更",
    "Propose a change…": "提出变更…",
    "Proposed: %1 → %2. It applies when another admin approves it.": "已提出：%1 → %2。经另一位管理员批准后生效。",
    "Record %1: %2 by %3 on %4 %5 at %6": "记录 %1：%3 对 %4 %5 执行 %2，时间 %6",
    "Reject the change": "驳回变更",
    "Rejected: %1 stays as it was.": "已驳回：%1 保持不变。",
    "Reject…": "驳回…",
    "Reset password": "重置密码",
    "Reset password…": "重置密码…",
    "Role": "角色",
    "Saved: %1 is now %2, %3.": "已保存：%1 现为%2，%3。",
    "Say why, in a few words, for the history.": "请简要说明原因，以记入历史。",
    "Select a record to see its fields before → after.": "选择一条记录，查看其字段的变更前 → 变更后。",
    "State": "状态",
    "Temporary password": "临时密码",
    "The chain holds: all %1 records verify (checked %2).": "审计链完整：全部 %1 条记录校验通过（检查于 %2）。",
    "The chain is broken at record %1: its hash or its link to the record before does not hold. Records from there on cannot be trusted (checked %2).": "审计链在第 %1 条记录处断开：其哈希或与前一条记录的链接不成立，自此以后的记录不可信（检查于 %2）。",
    "The current password is wrong.": "当前密码错误。",
    "The first value, from the configuration.": "初始值，来自配置。",
    "The limit already has this value.": "该限额已是此值。",
    "The new value applies when another admin approves it.": "新值经另一位管理员批准后生效。",
    "The password must be at least 12 characters long and not the username.": "密码至少 12 个字符，且不能与用户名相同。",
    "The password must be at least 12 characters long.": "密码至少需要 12 个字符。",
    "The password must not be the username.": "密码不能与用户名相同。",
    "The two passwords differ.": "两次输入的密码不一致。",
    "This change was already decided. Refresh to see it.": "该变更已处理。请刷新查看。",
    "This is the last enabled admin: make another admin first.": "这是最后一位启用的管理员：请先设置另一位管理员。",
    "This value is outside what the limit allows or clashes with another limit.": "该值超出限额允许范围，或与其他限额冲突。",
    "Users": "用户",
    "Users, roles and passwords.": "用户、角色与密码。",
    "Value": "值",
    "Verify chain": "校验审计链",
    "Waiting for a second admin": "等待另一位管理员审批",
    "Waiting for a second admin: %n change(s)": "等待另一位管理员审批：%n 项变更",
    "What: action or prefix.*": "操作：动作或前缀.*",
    "Who: username or id": "操作人：用户名或编号",
    "Why (optional):": "原因（可选）：",
    "Why": "原因",
    "Why, for the history (at least 5 characters)": "原因，记入历史（至少 5 个字符）",
    "Withdraw…": "撤回…",
    "You proposed this change; another admin must approve it.": "此变更由您提出，须由另一位管理员批准。",
    "any date": "不限日期",
    "the system": "系统",
    "to": "至",
    "yuan": "元",
    "Id": "编号",
    "Limits in force": "现行限额",
    "Double-click a limit to propose a change": "双击某项限额以提出变更",
    "Who": "操作人",
    "What": "事项",
    # Issue 14 (ui1): limits said while typing
    "%1 / %2 characters": "%1 / %2 字",
    "Too long: %1 characters, at most %2. Shorten it by %3 to go on.": "太长：%1 字，最多 %2 字。请删减 %3 字后继续。",
    "Write the note first, then add it (Ctrl+Enter)": "请先填写备注，再添加（Ctrl+Enter）",
    # Issue 14 (ui1): search says what four digits were taken for
    "Four digits are the last 4 of the national ID, not of a phone number: for a phone, type all 11 digits.": "4 位数字按身份证号后 4 位查找，而不是手机号后 4 位：查手机号请输入完整 11 位。",
    # Issue 14 (ui1): the outbox says what each write was
    "Contact note for %1 on %2: “%3”": "%1 的联络备注（%2）：“%3”",
    # Issue 14 (ui1): asking the customer says what was asked
    "The dispute waits for the customer and its SLA clock pauses until they answer. Write what you asked for: it goes on the case timeline.": "争议将等待客户回复，SLA 计时暂停至客户答复。请写明向客户索要了什么：它会记入案件时间线。",
    "What was asked": "索要内容",
    "For example: the courier's delivery receipt and a photo of the parcel": "例如：快递签收单和包裹照片",
    "Ask and wait": "询问并等待",
    # Issue 14 (ui1): bad input in one sentence that names the field and the limit
    "%1 can be at most %2.": "%1最多为 %2。",
    "At most %1 more days: the decision window may grow to %2 days from filing.": "最多再延长 %1 天：处理时限自提交起最长 %2 天。",
    "At most %1 more days: a handler may extend to %2 days from filing; ask a supervisor for more.": "最多再延长 %1 天：处理人员最多可延长至自提交起 %2 天；需要更长请联系主管。",
    # Dashboard tiles open their lists; a paid-off loan's last bill (issue 14 item 16)
    "Open the queues: every open case": "打开案件队列：全部未结案件",
    "Open the queues: the open cases at risk of missing their deadline": "打开案件队列：临近超时的未结案件",
    "Open the queues: the open cases past their deadline": "打开案件队列：已超时的未结案件",
    "Open the approvals inbox": "打开待审批列表",
    "%1 arrangements · %2 dispute outcomes": "还款安排 %1 · 争议处理结果 %2",
    "Open the queues: the open cases nobody holds": "打开案件队列：无人认领的未结案件",
    "Last bill": "最近一期账单",
    "Carried over": "已结转",
    "The loan is paid off: nothing more is billed.": "该贷款已结清，不再出账。",
    "Sign in with the username and password your administrator gave you.": "请使用管理员为您分配的用户名和密码登录。",
}


@dataclass(frozen=True)
class Term:
    """A row of glossary.md: the term, its Chinese, the words it must not be said with, and where."""

    english: str
    chinese: str
    rejected: tuple[str, ...]
    contexts: tuple[str, ...]  # empty: every message whose English has the term

    def applies(self, context: str, source: str) -> bool:
        if self.contexts:
            return context in self.contexts and source.strip().lower() == self.english.lower()
        return re.search(rf"\b{re.escape(self.english)}(?:s|es|ed)?\b", source, re.IGNORECASE) is not None

    def violation(self, context: str, source: str, text: str) -> str | None:
        """The rejected word `text` uses for this term, if any."""
        if not self.rejected or not self.applies(context, source):
            return None
        return next((word for word in self.rejected if word in text), None)


def terms() -> list[Term]:
    """The rows of glossary.md's table."""
    found: list[Term] = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] in ("English", "") or set(cells[0]) <= {"-"}:
            continue
        english, chinese, rejected, where, _meaning = cells
        found.append(Term(
            english=english.split(" (")[0],
            chinese=chinese,
            rejected=tuple(word.strip() for word in rejected.split(",") if word.strip()),
            contexts=() if where == "*" else tuple(c.strip() for c in where.split(",") if c.strip()),
        ))
    return found


def violations(context: str, source: str, text: str, rows: list[Term] | None = None) -> list[str]:
    """Each "term: rejected word" the translation `text` of `source` (in `context`) breaks."""
    return [f"{term.english}: {word}" for term in (rows if rows is not None else terms())
            if (word := term.violation(context, source, text)) is not None]


def translation_for(context: str, source: str, words: dict[str, str]) -> str | None:
    """The translation of `source` in `context`: a context's own first, then the shared one."""
    return ZH_IN_CONTEXT.get((context, source), words.get(source))


def glossary() -> dict[str, str]:
    """ZH above plus every `zh_CN/*.json` beside this file (one per area of the console)."""
    merged = dict(ZH)
    for part in sorted(PARTS.glob("*.json")):
        merged.update(json.loads(part.read_text(encoding="utf-8")))
    return merged


def _text_of(message: ET.Element) -> str:
    translation = message.find("translation")
    if translation is None:
        return ""
    return " ".join([translation.text or ""] + [form.text or "" for form in translation.findall("numerusform")]).strip()


def disagreements(messages: list[tuple[str, ET.Element]]) -> dict[str, dict[str, list[str]]]:
    """The English sources said more than one way in Chinese: {source: {Chinese: [contexts]}},
    leaving out the contexts ZH_IN_CONTEXT gives a meaning of their own (those must say its
    Chinese: one that does not is listed too)."""
    said: dict[str, dict[str, list[str]]] = {}
    for context_name, message in messages:
        source, text = message.findtext("source") or "", _text_of(message)
        if not text:
            continue
        expected = ZH_IN_CONTEXT.get((context_name, source))
        if expected is not None:
            if text != expected:
                said.setdefault(source, {}).setdefault(f"{text} (not {expected})", []).append(context_name)
            continue
        said.setdefault(source, {}).setdefault(text, []).append(context_name)
    return {source: texts for source, texts in said.items()
            if len(texts) > 1 or any("(not " in text for text in texts)}


def _disagreeing(messages: list[tuple[str, ET.Element]]) -> set[tuple[str, str]]:
    found = disagreements(messages)
    return {(context_name, message.findtext("source") or "") for context_name, message in messages
            if (message.findtext("source") or "") in found}


def main() -> int:
    tree = ET.parse(TS)
    words = glossary()
    missing: list[str] = []
    filled = 0
    rows = terms()
    messages = [(context.findtext("name") or "", message)
                for context in tree.getroot().iter("context") for message in context.iter("message")]
    disagreeing = _disagreeing(messages)
    for context_name, message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        done = translation.get("type") not in ("unfinished", "vanished", "obsolete")
        current = " ".join([translation.text or ""] + [form.text or "" for form in translation.findall("numerusform")])
        has_text = bool(current.strip())
        # A finished translation stays, unless it says a business term in a word the glossary
        # rejects, or its English is said another way in another context (one Chinese for one
        # English, but for the meanings ZH_IN_CONTEXT tells apart).
        if (done and has_text and not violations(context_name, source, current, rows)
                and (context_name, source) not in disagreeing):
            continue
        text = translation_for(context_name, source, words)
        if text is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            translation.text = None
            ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = text
        filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    print(f"filled {filled} translations")
    for source in missing:
        print(f"MISSING: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
