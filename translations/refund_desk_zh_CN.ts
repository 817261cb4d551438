<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../forms/action_dialog.ui" line="18"/>
        <source>Opinion (cause and solution)</source>
        <translation>处理意见（说明原因，并制定解决方案）</translation>
    </message>
    <message>
        <location filename="../forms/action_dialog.ui" line="25"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../forms/action_dialog.ui" line="32"/>
        <source>Leader&apos;s approval</source>
        <translation>领导审批</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../refund_desk/app.py" line="36"/>
        <source>Making the demo office…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location filename="../refund_desk/app.py" line="53"/>
        <source>Demo users: {names}. The password of each is {password}.</source>
        <translation>演示用户：{names}，密码均为 {password}。</translation>
    </message>
    <message>
        <location filename="../refund_desk/app.py" line="70"/>
        <location filename="../refund_desk/app.py" line="188"/>
        <source>Refund Desk</source>
        <translation>退款台</translation>
    </message>
    <message>
        <location filename="../refund_desk/app.py" line="74"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../refund_desk/app.py" line="77"/>
        <source>Choose another database…</source>
        <translation>选择其他数据库…</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../refund_desk/ui/crash.py" line="74"/>
        <source>Refund Desk</source>
        <translation>退款台</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/crash.py" line="75"/>
        <source>Something went wrong that Refund Desk did not expect; what you saved is kept, and the details are in the log {where}.</source>
        <translation>退款台遇到了意外的错误；已保存的内容不受影响，详细信息已写入日志 {where}。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/crash.py" line="82"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="60"/>
        <source>{path} (there: it is opened)</source>
        <translation>{path}（已有：打开它）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="61"/>
        <source>{path} (not there yet: it is made)</source>
        <translation>{path}（还没有：新建它）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="100"/>
        <source>Refund database (*.db);;All files (*)</source>
        <translation>退款数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="102"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="104"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="118"/>
        <source>Give the database file.</source>
        <translation>请填写数据库文件。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="122"/>
        <source>Give the administrator&apos;s user name.</source>
        <translation>请填写管理员的用户名。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="129"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="139"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="157"/>
        <source>A database is already there: choose to open it instead.</source>
        <translation>那里已经有数据库了：请选择“打开”。</translation>
    </message>
    <message>
        <location filename="../forms/database_dialog.ui" line="6"/>
        <source>Refund Desk — choose the database</source>
        <translation>退款台 — 选择数据库</translation>
    </message>
    <message>
        <location filename="../forms/database_dialog.ui" line="42"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../forms/database_dialog.ui" line="49"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../forms/database_dialog.ui" line="10"/>
        <source>Which refund database should this PC use? The choice is kept for next time.</source>
        <translation>这台电脑用哪个退款数据库？选择会记住，下次直接打开。</translation>
    </message>
    <message>
        <location filename="../forms/database_dialog.ui" line="16"/>
        <source>Only this PC: the database in my local data folder</source>
        <translation>只用这台电脑：本机数据文件夹里的数据库</translation>
    </message>
    <message>
        <location filename="../forms/database_dialog.ui" line="30"/>
        <source>Open the office&apos;s database on the shared drive (or a PostgreSQL server)</source>
        <translation>打开共享盘上办公室的数据库（或 PostgreSQL 服务器）</translation>
    </message>
    <message>
        <location filename="../forms/database_dialog.ui" line="35"/>
        <source>Create a new database on the shared drive</source>
        <translation>在共享盘上新建数据库</translation>
    </message>
    <message>
        <location filename="../forms/database_dialog.ui" line="63"/>
        <source>First system administrator of the new database</source>
        <translation>新数据库的第一个系统管理员</translation>
    </message>
    <message>
        <location filename="../forms/database_dialog.ui" line="67"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../forms/database_dialog.ui" line="83"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../forms/database_dialog.ui" line="99"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../forms/database_dialog.ui" line="117"/>
        <source>Password again</source>
        <translation>再输一次密码</translation>
    </message>
</context>
<context>
    <name>DatabaseStatus</name>
    <message>
        <location filename="../refund_desk/ui/status.py" line="43"/>
        <source>Database connected: {where}</source>
        <translation>数据库已连接：{where}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/status.py" line="44"/>
        <source>Database read-only: {where} (nothing can be saved)</source>
        <translation>数据库只读：{where}（无法保存）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/status.py" line="45"/>
        <source>Database unreachable: {where} (retrying)</source>
        <translation>数据库无法连接：{where}（正在重试）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/status.py" line="46"/>
        <source>Database busy (another PC is writing): {where}</source>
        <translation>数据库忙（其他电脑正在写入）：{where}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/status.py" line="66"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/status.py" line="70"/>
        <source>Last refresh: {at}</source>
        <translation>最后刷新：{at}</translation>
    </message>
</context>
<context>
    <name>HandoverTab</name>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="50"/>
        <source>List</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="51"/>
        <source>Form no.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="52"/>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="53"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="54"/>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="55"/>
        <source>Result / reason</source>
        <translation>结果 / 原因</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="56"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="81"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="107"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="109"/>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="111"/>
        <source>open</source>
        <translation>填写中</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="172"/>
        <location filename="../refund_desk/ui/handover_tab.py" line="178"/>
        <source>Shift handover sheet</source>
        <translation>客服部值班交接单</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="182"/>
        <source>No sheet chosen: pick one on the left or start a new one.</source>
        <translation>未选交接单：请在左边选一张，或新建一张。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="184"/>
        <source>{shift} {start} – {end} · filled {filled} · hands over: {by} · takes over: {taker}</source>
        <translation>{shift} {start} – {end} · 填表时间 {filled} · 交接人：{by} · 接交人：{taker}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="194"/>
        <source>signed and confirmed: read-only</source>
        <translation>已签字并确认：只读</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="196"/>
        <source>signed, waiting for the incoming user</source>
        <translation>已签字，等待接班人确认</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="203"/>
        <source>Processed by finance</source>
        <translation>财务已处理</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="204"/>
        <source>Submitted to finance</source>
        <translation>已提交财务</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="205"/>
        <source>Returned by finance</source>
        <translation>财务退回</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="263"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="19"/>
        <source>Handover sheets</source>
        <translation>值班交接单</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="42"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="58"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="81"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="104"/>
        <source>New handover sheet</source>
        <translation>新建交接单</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="127"/>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="133"/>
        <source>Expected on duty</source>
        <translation>应到值班人员</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="149"/>
        <source>Present</source>
        <translation>实到值班人员</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="165"/>
        <source>Late</source>
        <translation>迟到人员</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="181"/>
        <source>Left early</source>
        <translation>早退人员</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="197"/>
        <source>Absent</source>
        <translation>旷工人员</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="218"/>
        <source>Work completed (one item per line)</source>
        <translation>完成工作明细（每行一项）</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="238"/>
        <source>Items others must follow up (one per line)</source>
        <translation>需其他人员跟进交接明细（每行一项）</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="262"/>
        <source>Refund forms in this shift (add notes only)</source>
        <translation>本班退款单统计（只能添加备注）</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="284"/>
        <source>Was the room cleaned?</source>
        <translation>卫生是否打扫</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="294"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="301"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="315"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="322"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="329"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="336"/>
        <source>Sign as outgoing</source>
        <translation>交接人签字</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="347"/>
        <source>Incoming user</source>
        <translation>接交人</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="363"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../forms/handover_tab.ui" line="383"/>
        <source>Confirm taking over</source>
        <translation>接班确认</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../refund_desk/ui/login_dialog.py" line="23"/>
        <source>Database: {where}</source>
        <translation>数据库：{where}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/login_dialog.py" line="37"/>
        <source>Type your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/login_dialog.py" line="41"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../forms/login_dialog.ui" line="6"/>
        <source>Refund Desk — log in</source>
        <translation>退款台 — 登录</translation>
    </message>
    <message>
        <location filename="../forms/login_dialog.ui" line="18"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../forms/login_dialog.ui" line="25"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="44"/>
        <source>Refund form</source>
        <translation>退款申请</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="45"/>
        <source>My queue</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="46"/>
        <source>Shift handover</source>
        <translation>值班交接</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="47"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="48"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="82"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="83"/>
        <source>New refund</source>
        <translation>新建退款申请</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="86"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="87"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="88"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="88"/>
        <location filename="../refund_desk/ui/main_window.py" line="114"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="95"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="96"/>
        <source>About Refund Desk…</source>
        <translation>关于退款台…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="102"/>
        <source>About Refund Desk</source>
        <translation>关于退款台</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="103"/>
        <source>Refund Desk {version}
Database: {database}
Log files: {logs}</source>
        <translation>退款台 {version}
数据库：{database}
日志文件：{logs}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="115"/>
        <source>The language changes the next time Refund Desk starts.</source>
        <translation>界面语言将在下次启动退款台时生效。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="132"/>
        <source>My queue ({n})</source>
        <translation>待办（{n}）</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="113"/>
        <source>The PDF could not be read for printing.</source>
        <translation>无法读取要打印的 PDF。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="124"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="154"/>
        <source>Print preview — {title}</source>
        <translation>打印预览 — {title}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="167"/>
        <source>{n} page(s)</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="177"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="182"/>
        <source>Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="238"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="260"/>
        <source>Preparing form {done} of {total}…</source>
        <translation>正在生成第 {done} 份，共 {total} 份…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="304"/>
        <source>Could not write {path}: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="315"/>
        <source>Sending the pages to the printer…</source>
        <translation>正在发送到打印机…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="360"/>
        <source>Print {n} refund forms</source>
        <translation>打印 {n} 份退款申请表</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="364"/>
        <source>Preparing the forms…</source>
        <translation>正在生成退款申请表…</translation>
    </message>
</context>
<context>
    <name>QueueTab</name>
    <message>
        <location filename="../refund_desk/ui/queue_tab.py" line="101"/>
        <source>Waiting for me: {n}</source>
        <translation>待我处理：{n}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/queue_tab.py" line="102"/>
        <source>overdue: {n}</source>
        <translation>已超时：{n}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/queue_tab.py" line="104"/>
        <source>the oldest {shown} are listed, {n} of them overdue</source>
        <translation>列出最早的 {shown} 张，其中超时 {n} 张</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/queue_tab.py" line="114"/>
        <source>All steps</source>
        <translation>全部步骤</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/queue_tab.py" line="142"/>
        <source>Select the refunds to print first.</source>
        <translation>请先选择要打印的退款单。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/queue_tab.py" line="150"/>
        <source>Select the refunds to approve first.</source>
        <translation>请先选择要审批的退款单。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/queue_tab.py" line="159"/>
        <source>Approve</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/queue_tab.py" line="160"/>
        <source>None of the selected refunds is yours to approve.</source>
        <translation>所选退款单都不归您审批。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/queue_tab.py" line="167"/>
        <source>Approve {n} refunds, total {total}:</source>
        <translation>审批 {n} 张退款单，合计 {total}：</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/queue_tab.py" line="172"/>
        <source>Not yours to approve (skipped): {forms}</source>
        <translation>不归您审批（已跳过）：{forms}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/queue_tab.py" line="177"/>
        <source>Approve selected</source>
        <translation>批量审批</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/queue_tab.py" line="192"/>
        <source>Some were not approved</source>
        <translation>部分退款单未能审批</translation>
    </message>
    <message>
        <location filename="../forms/queue_tab.ui" line="17"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../forms/queue_tab.ui" line="24"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../forms/queue_tab.ui" line="31"/>
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <location filename="../forms/queue_tab.ui" line="36"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../forms/queue_tab.ui" line="41"/>
        <source>Approve selected…</source>
        <translation>批量审批…</translation>
    </message>
    <message>
        <location filename="../forms/queue_tab.ui" line="47"/>
        <source>Print selected…</source>
        <translation>批量打印…</translation>
    </message>
</context>
<context>
    <name>RefundForm</name>
    <message>
        <location filename="../forms/refund_form.ui" line="66"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="96"/>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="126"/>
        <source>Purchase time</source>
        <translation>购买时间</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="156"/>
        <source>Paying bank</source>
        <translation>支付银行</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="182"/>
        <source>Bank name</source>
        <translation>银行名称</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="208"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="238"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="268"/>
        <source>Fault</source>
        <translation>故障现象</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="294"/>
        <source>Fault description</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="330"/>
        <source>Customer&apos;s view</source>
        <translation>客户意见</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="366"/>
        <source>Complaint number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="392"/>
        <source>Handling department</source>
        <translation>问题处理部门</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="431"/>
        <source>New refund</source>
        <translation>新建退款申请</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="438"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="445"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="452"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="466"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="475"/>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="483"/>
        <source>Step history</source>
        <translation>处理记录</translation>
    </message>
</context>
<context>
    <name>RefundTab</name>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="136"/>
        <source>New refund (not saved yet)</source>
        <translation>新退款申请（尚未保存）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="139"/>
        <source>Reporting department: Customer service · complaint opened {at}</source>
        <translation>申报部门：客服部 · 投诉受理于 {at}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="145"/>
        <source>Form no. {form_no}</source>
        <translation>编号 {form_no}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="149"/>
        <source>Reporting department: {dept} · reported {at} · submitted by {who} · version {version}, last changed by {changer} at {changed}</source>
        <translation>申报部门：{dept} · 上报时间 {at} · 提交人 {who} · 第 {version} 版，{changer} 于 {changed} 最后修改</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="52"/>
        <source>Nothing for you to do on this form</source>
        <translation>此单暂无您可办理的操作</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="210"/>
        <source>Refund form {form_no}</source>
        <translation>退款申请表 {form_no}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="246"/>
        <location filename="../refund_desk/ui/refund_tab.py" line="320"/>
        <source>Correct the fields marked in red first.</source>
        <translation>请先改正标红的项目。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="253"/>
        <location filename="../refund_desk/ui/refund_tab.py" line="304"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="272"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="217"/>
        <location filename="../refund_desk/ui/refund_tab.py" line="283"/>
        <source>Save the changes first (Ctrl+S).</source>
        <translation>请先保存修改（Ctrl+S）。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="329"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="331"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
</context>
<context>
    <name>RefundTableModel</name>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="62"/>
        <source>Form no.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="63"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="64"/>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="65"/>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="66"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="67"/>
        <source>Current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="68"/>
        <source>Since</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="69"/>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="70"/>
        <source>Submitted by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="71"/>
        <source>Clocks</source>
        <translation>各项时限</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="161"/>
        <source> (president asked)</source>
        <translation>（已请总裁批示）</translation>
    </message>
</context>
<context>
    <name>SearchTab</name>
    <message>
        <location filename="../refund_desk/ui/search_tab.py" line="73"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/search_tab.py" line="105"/>
        <source>Select the refunds to print first.</source>
        <translation>请先选择要打印的退款单。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/search_tab.py" line="112"/>
        <source>{n}+ refunds found (more load as you scroll)</source>
        <translation>已找到 {n}+ 张退款单（向下滚动载入更多）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/search_tab.py" line="114"/>
        <source>{n} refunds found</source>
        <translation>共找到 {n} 张退款单</translation>
    </message>
    <message>
        <location filename="../forms/search_tab.ui" line="11"/>
        <source>Form / order / mobile</source>
        <translation>编号 / 订单号 / 手机号</translation>
    </message>
    <message>
        <location filename="../forms/search_tab.ui" line="18"/>
        <source>Complaint date from</source>
        <translation>投诉日期从</translation>
    </message>
    <message>
        <location filename="../forms/search_tab.ui" line="24"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../forms/search_tab.ui" line="31"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../forms/search_tab.ui" line="54"/>
        <source>Print selected…</source>
        <translation>批量打印…</translation>
    </message>
</context>
<context>
    <name>StatisticsTab</name>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="190"/>
        <source>Prepare</source>
        <translation>编制</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="191"/>
        <source>Approve</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="192"/>
        <source>Submit to admin</source>
        <translation>报行政部</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="193"/>
        <source>Verify and archive</source>
        <translation>核实归档</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="201"/>
        <location filename="../refund_desk/ui/statistics_tab.py" line="434"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="202"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="209"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="210"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="237"/>
        <source>State: {state} (version {v})</source>
        <translation>状态：{state}（第 {v} 版）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="261"/>
        <source>Submitted {when}, late (due {due})</source>
        <translation>已于 {when} 报送，逾期（期限 {due}）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="264"/>
        <source>Submitted {when} (due {due})</source>
        <translation>已于 {when} 报送（期限 {due}）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="269"/>
        <source>Due {due}: {n} days left</source>
        <translation>报送期限 {due}：还剩 {n} 天</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="273"/>
        <source>Due today ({due})</source>
        <translation>今天到期（{due}）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="274"/>
        <source>Overdue since {due} ({n} days)</source>
        <translation>已超过报送期限 {due}（{n} 天）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="368"/>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="375"/>
        <source>Monthly tables</source>
        <translation>月度统计表</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="376"/>
        <source>Reconciliation</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="377"/>
        <source>Analytics</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="393"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="393"/>
        <source>Count</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="393"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="430"/>
        <source>by month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="431"/>
        <source>by week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="432"/>
        <source>Analyse</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="439"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="441"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="464"/>
        <source>Overdue cases</source>
        <translation>超时明细</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="491"/>
        <source>Refunds of {month}</source>
        <translation>{month} 退款单</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="528"/>
        <source>{month}: CS table {cs}, finance table {fin}, matched {matched}, differences {n}</source>
        <translation>{month}：客服表 {cs} 笔，财务表 {fin} 笔，对上 {matched} 笔，差异 {n} 处</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="543"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="544"/>
        <source>Form no.</source>
        <translation>退单编号</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="545"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="546"/>
        <source>CS table</source>
        <translation>客服表</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="547"/>
        <source>Finance table</source>
        <translation>财务表</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="563"/>
        <source>Matched across months: {forms}</source>
        <translation>跨月已对上：{forms}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="567"/>
        <source>Still in progress ({n}), archiving waits: {forms}</source>
        <translation>尚未办结（{n} 张），办结后才能归档：{forms}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="585"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="598"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="607"/>
        <location filename="../refund_desk/ui/statistics_tab.py" line="730"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="613"/>
        <location filename="../refund_desk/ui/statistics_tab.py" line="738"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="628"/>
        <source>Written {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="644"/>
        <source>Analysing…</source>
        <translation>正在分析…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="667"/>
        <source>{start} – {end}: {count} refunds, {amount} yuan</source>
        <translation>{start} 至 {end}：退款 {count} 笔，{amount} 元</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="673"/>
        <source>closed {closed}, paid {paid}; success rate {rate}</source>
        <translation>已办结 {closed} 笔，已退款 {paid} 笔；成功率 {rate}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="723"/>
        <source>{total} overdue cases in all: the {shown} most overdue of each time limit are listed here; the Excel export has every one.</source>
        <translation>共 {total} 条超时：这里按各项时限列出超时最久的 {shown} 条，导出的 Excel 含全部。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="357"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics_tab.py" line="493"/>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
</context>
<context>
    <name>StepTableModel</name>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="206"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="207"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="208"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="209"/>
        <source>Opinion / reason</source>
        <translation>处理意见 / 原因</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="210"/>
        <source>Executor</source>
        <translation>执行人</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="211"/>
        <source>Leader&apos;s approval</source>
        <translation>领导审批</translation>
    </message>
</context>
</TS>
