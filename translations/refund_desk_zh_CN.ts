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
    <name>AdminTab</name>
    <message>
        <location filename="../refund_desk/ui/admin/tab.py" line="35"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/tab.py" line="36"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/tab.py" line="37"/>
        <source>Fault categories</source>
        <translation>故障现象</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../refund_desk/app.py" line="35"/>
        <source>Making the demo office…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location filename="../refund_desk/app.py" line="51"/>
        <source>Demo users: {names}. The password of each is {password}.</source>
        <translation>演示用户：{names}，密码均为 {password}。</translation>
    </message>
    <message>
        <location filename="../refund_desk/app.py" line="70"/>
        <location filename="../refund_desk/app.py" line="93"/>
        <location filename="../refund_desk/app.py" line="238"/>
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
    <message>
        <location filename="../refund_desk/app.py" line="96"/>
        <source>Upgrade it now (system administrator)…</source>
        <translation>现在升级（系统管理员）…</translation>
    </message>
    <message>
        <location filename="../refund_desk/app.py" line="100"/>
        <source>Open a read-only copy</source>
        <translation>只读打开</translation>
    </message>
    <message>
        <location filename="../refund_desk/app.py" line="112"/>
        <source>A system administrator upgrades the database: a backup is made first, then the database is brought to this version. A Refund Desk of the older version that is still open elsewhere cannot save anything afterwards.</source>
        <translation>由系统管理员升级数据库：先备份，再升级到本版本的结构。升级后，其他电脑上仍开着的旧版本退款台不能再保存任何内容。</translation>
    </message>
    <message>
        <location filename="../refund_desk/app.py" line="119"/>
        <source>Every other PC has closed Refund Desk</source>
        <translation>其他电脑都已关闭退款台</translation>
    </message>
    <message>
        <location filename="../refund_desk/app.py" line="121"/>
        <location filename="../refund_desk/app.py" line="127"/>
        <source>Upgrade the database</source>
        <translation>升级数据库</translation>
    </message>
    <message>
        <location filename="../refund_desk/app.py" line="128"/>
        <source>The database was upgraded from version {found}. The backup made first: {backup}</source>
        <translation>数据库已从结构版本 {found} 升级。升级前的备份：{backup}</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <location filename="../refund_desk/ui/admin/categories_page.py" line="36"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/categories_page.py" line="36"/>
        <location filename="../refund_desk/ui/admin/categories_page.py" line="52"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/categories_page.py" line="36"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/categories_page.py" line="51"/>
        <source>Code (lower-case letters, digits, _)</source>
        <translation>代码（小写字母、数字、_）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/categories_page.py" line="53"/>
        <source>English name (optional)</source>
        <translation>英文名称（可不填）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/categories_page.py" line="64"/>
        <source>Add category</source>
        <translation>新增故障现象</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/categories_page.py" line="65"/>
        <source>Rename selected</source>
        <translation>修改所选名称</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/categories_page.py" line="105"/>
        <source>This code is in the list already: rename it.</source>
        <translation>列表里已有这个代码：请选中它修改名称。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/categories_page.py" line="107"/>
        <source>Fault category {name} added.</source>
        <translation>已新增故障现象：{name}。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/categories_page.py" line="112"/>
        <source>Fault category {code} renamed to {name}.</source>
        <translation>故障现象 {code} 已改名为：{name}。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/categories_page.py" line="117"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
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
        <location filename="../refund_desk/ui/database_dialog.py" line="58"/>
        <source>{path} (there: it is opened)</source>
        <translation>{path}（已有：打开它）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="59"/>
        <source>{path} (not there yet: it is made)</source>
        <translation>{path}（还没有：新建它）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="98"/>
        <source>Refund database (*.db);;All files (*)</source>
        <translation>退款数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="100"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="102"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="116"/>
        <source>Give the database file.</source>
        <translation>请填写数据库文件。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="120"/>
        <source>Give the administrator&apos;s user name.</source>
        <translation>请填写管理员的用户名。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="127"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="137"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/database_dialog.py" line="156"/>
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
    <name>Desk</name>
    <message>
        <location filename="../refund_desk/ui/desk.py" line="118"/>
        <source>Refund Desk</source>
        <translation>退款台</translation>
    </message>
</context>
<context>
    <name>HandoverTab</name>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="49"/>
        <source>List</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="50"/>
        <source>Form no.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="51"/>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="52"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="53"/>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="54"/>
        <source>Result / reason</source>
        <translation>结果 / 原因</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="55"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="80"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="106"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="108"/>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="110"/>
        <source>open</source>
        <translation>填写中</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="171"/>
        <location filename="../refund_desk/ui/handover_tab.py" line="177"/>
        <source>Shift handover sheet</source>
        <translation>客服部值班交接单</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="181"/>
        <source>No sheet chosen: pick one on the left or start a new one.</source>
        <translation>未选交接单：请在左边选一张，或新建一张。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="183"/>
        <source>{shift} {start} – {end} · filled {filled} · hands over: {by} · takes over: {taker}</source>
        <translation>{shift} {start} – {end} · 填表时间 {filled} · 交接人：{by} · 接交人：{taker}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="193"/>
        <source>signed and confirmed: read-only</source>
        <translation>已签字并确认：只读</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="195"/>
        <source>signed, waiting for the incoming user</source>
        <translation>已签字，等待接班人确认</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="202"/>
        <source>Processed by finance</source>
        <translation>财务已处理</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="203"/>
        <source>Submitted to finance</source>
        <translation>已提交财务</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="204"/>
        <source>Returned by finance</source>
        <translation>财务退回</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/handover_tab.py" line="262"/>
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
    <name>LockDialog</name>
    <message>
        <location filename="../refund_desk/ui/lock_dialog.py" line="43"/>
        <source>Refund Desk is locked</source>
        <translation>退款台已锁定</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/lock_dialog.py" line="47"/>
        <source>Locked after a time without use. {name} ({username}): type your password to go on where you left off.</source>
        <translation>一段时间无人操作，已锁定。{name}（{username}）：输入密码即可接着刚才的工作。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/lock_dialog.py" line="56"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/lock_dialog.py" line="63"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/lock_dialog.py" line="65"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/lock_dialog.py" line="85"/>
        <source>Type your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/lock_dialog.py" line="89"/>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/lock_dialog.py" line="105"/>
        <source>The password is wrong.</source>
        <translation>密码不对。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../refund_desk/ui/login_dialog.py" line="40"/>
        <source>Database: {where}</source>
        <translation>数据库：{where}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/login_dialog.py" line="54"/>
        <source>Type your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/login_dialog.py" line="58"/>
        <source>Tick the box first: it is what you confirm.</source>
        <translation>请先勾选确认项。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/login_dialog.py" line="62"/>
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
        <location filename="../refund_desk/ui/main_window.py" line="81"/>
        <source>Read-only copy: the database waits for its system administrator&apos;s upgrade. You can look things up; nothing can be saved or printed here.</source>
        <translation>只读副本：数据库正在等待系统管理员升级。可以查看，但在这里不能保存也不能打印。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="101"/>
        <source>Refund form</source>
        <translation>退款申请</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="102"/>
        <source>My queue</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="103"/>
        <source>Shift handover</source>
        <translation>值班交接</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="104"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="105"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="109"/>
        <source>System administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="134"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="135"/>
        <source>New refund</source>
        <translation>新建退款申请</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="138"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="140"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="141"/>
        <source>Log out / switch user…</source>
        <translation>注销 / 切换用户…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="142"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="143"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="145"/>
        <source>System administration…</source>
        <translation>系统管理…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="146"/>
        <location filename="../refund_desk/ui/main_window.py" line="190"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="153"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="154"/>
        <source>About Refund Desk…</source>
        <translation>关于退款台…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="160"/>
        <source>About Refund Desk</source>
        <translation>关于退款台</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="161"/>
        <source>Refund Desk {version}
Database: {database}
Log files: {logs}</source>
        <translation>退款台 {version}
数据库：{database}
日志文件：{logs}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="172"/>
        <source>Audit log</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="174"/>
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="179"/>
        <source>Failed log-ins</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="180"/>
        <source>Repeated failed log-ins in the last 24 hours: {names}</source>
        <translation>近 24 小时内这些用户名多次登录失败：{names}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="191"/>
        <source>The language changes the next time Refund Desk starts.</source>
        <translation>界面语言将在下次启动退款台时生效。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/main_window.py" line="214"/>
        <source>My queue ({n})</source>
        <translation>待办（{n}）</translation>
    </message>
</context>
<context>
    <name>MonthTablePanel</name>
    <message>
        <location filename="../refund_desk/ui/statistics/month_panel.py" line="30"/>
        <source>Submitted {when}, late (due {due})</source>
        <translation>已于 {when} 报送，逾期（期限 {due}）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics/month_panel.py" line="34"/>
        <source>Submitted {when} (due {due})</source>
        <translation>已于 {when} 报送（期限 {due}）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics/month_panel.py" line="38"/>
        <source>Due {due}: {n} days left</source>
        <translation>报送期限 {due}：还剩 {n} 天</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics/month_panel.py" line="42"/>
        <source>Due today ({due})</source>
        <translation>今天到期（{due}）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics/month_panel.py" line="43"/>
        <source>Overdue since {due} ({n} days)</source>
        <translation>已超过报送期限 {due}（{n} 天）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics/month_panel.py" line="80"/>
        <source>State: {state} (version {v})</source>
        <translation>状态：{state}（第 {v} 版）</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="109"/>
        <source>The PDF could not be read for printing.</source>
        <translation>无法读取要打印的 PDF。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="120"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="150"/>
        <source>Print preview — {title}</source>
        <translation>打印预览 — {title}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="163"/>
        <source>{n} page(s)</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="173"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="178"/>
        <source>Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="234"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="256"/>
        <source>Preparing form {done} of {total}…</source>
        <translation>正在生成第 {done} 份，共 {total} 份…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="292"/>
        <source>Could not write {path}: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="303"/>
        <source>Sending the pages to the printer…</source>
        <translation>正在发送到打印机…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="348"/>
        <source>Print {n} refund forms</source>
        <translation>打印 {n} 份退款申请表</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/printing.py" line="352"/>
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
        <location filename="../forms/refund_form.ui" line="81"/>
        <source>New refund</source>
        <translation>新建退款申请</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="88"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="95"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="102"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="116"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="125"/>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../forms/refund_form.ui" line="133"/>
        <source>Step history</source>
        <translation>处理记录</translation>
    </message>
</context>
<context>
    <name>RefundTab</name>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="299"/>
        <source>New refund (not saved yet)</source>
        <translation>新退款申请（尚未保存）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="302"/>
        <source>Reporting department: Customer service · complaint opened {at}</source>
        <translation>申报部门：客服部 · 投诉受理于 {at}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="308"/>
        <source>Form no. {form_no}</source>
        <translation>编号 {form_no}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="312"/>
        <source>Reporting department: {dept} · reported {at} · submitted by {who} · version {version}, last changed by {changer} at {changed}</source>
        <translation>申报部门：{dept} · 上报时间 {at} · 提交人 {who} · 第 {version} 版，{changer} 于 {changed} 最后修改</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="76"/>
        <source>Nothing for you to do on this form</source>
        <translation>此单暂无您可办理的操作</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="163"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="164"/>
        <source>This refund form has changes that are not saved yet.</source>
        <translation>这张退款申请表有尚未保存的修改。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="167"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="168"/>
        <source>Don&apos;t save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="169"/>
        <location filename="../refund_desk/ui/refund_tab.py" line="522"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="229"/>
        <source>Unsaved refund form</source>
        <translation>未保存的退款申请</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="230"/>
        <source>A refund form you had not saved was kept on this PC at {at}: {what}</source>
        <translation>您在 {at} 有一份未保存的退款申请留在这台电脑上：{what}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="235"/>
        <source>Restore it, or discard it for good?</source>
        <translation>恢复它，还是永久丢弃？</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="236"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="237"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="273"/>
        <source>The form kept on this PC is back; save it (Ctrl+S).</source>
        <translation>已恢复这台电脑上留存的退款申请，请保存（Ctrl+S）。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="378"/>
        <source>Refund form {form_no}</source>
        <translation>退款申请表 {form_no}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="418"/>
        <location filename="../refund_desk/ui/refund_tab.py" line="464"/>
        <location filename="../refund_desk/ui/refund_tab.py" line="552"/>
        <source>Correct the fields marked in red first.</source>
        <translation>请先改正标红的项目。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="425"/>
        <location filename="../refund_desk/ui/refund_tab.py" line="534"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="453"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="385"/>
        <location filename="../refund_desk/ui/refund_tab.py" line="470"/>
        <source>Save the changes first (Ctrl+S).</source>
        <translation>请先保存修改（Ctrl+S）。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="493"/>
        <source>There is no step for you to take on this form.</source>
        <translation>此单没有您可办理的步骤。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="505"/>
        <source>{form_no} · {amount} · {customer} · {step}</source>
        <translation>{form_no} · {amount} · {customer} · {step}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="231"/>
        <location filename="../refund_desk/ui/refund_tab.py" line="506"/>
        <source>new refund</source>
        <translation>新退款申请</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="520"/>
        <source>This step cannot be undone.</source>
        <translation>此步骤无法撤销。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="561"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/refund_tab.py" line="563"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
</context>
<context>
    <name>RefundTableModel</name>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="61"/>
        <source>Form no.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="62"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="63"/>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="64"/>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="65"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="66"/>
        <source>Current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="67"/>
        <source>Since</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="68"/>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="69"/>
        <source>Submitted by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="70"/>
        <source>Clocks</source>
        <translation>各项时限</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="159"/>
        <source> (president asked)</source>
        <translation>（已请总裁批示）</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../refund_desk/ui/statistics/view.py" line="111"/>
        <source>Analysing…</source>
        <translation>正在分析…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics/view.py" line="161"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics/view.py" line="171"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics/view.py" line="186"/>
        <source>Written {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <location filename="../forms/report_view.ui" line="23"/>
        <source>Analyse</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../forms/report_view.ui" line="33"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../forms/report_view.ui" line="38"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../forms/report_view.ui" line="43"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../forms/report_view.ui" line="48"/>
        <source>Print…</source>
        <translation>打印…</translation>
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
    <name>SettingsPage</name>
    <message>
        <location filename="../refund_desk/ui/admin/settings_page.py" line="44"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/settings_page.py" line="44"/>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/settings_page.py" line="44"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/settings_page.py" line="55"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/settings_page.py" line="72"/>
        <source>e.g. TK20261127001</source>
        <translation>例如 TK20261127001</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/settings_page.py" line="73"/>
        <source>Try an order number</source>
        <translation>试填订单号</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/settings_page.py" line="95"/>
        <source>The pattern is not a valid regular expression.</source>
        <translation>这个格式不是有效的正则表达式。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/settings_page.py" line="97"/>
        <source>“{sample}” does not match the pattern.</source>
        <translation>“{sample}”不符合订单号格式。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/settings_page.py" line="99"/>
        <source>“{sample}” matches the pattern.</source>
        <translation>“{sample}”符合订单号格式。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/settings_page.py" line="111"/>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/settings_page.py" line="121"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/settings_page.py" line="139"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>StatisticsTab</name>
    <message>
        <location filename="../forms/statistics_tab.ui" line="11"/>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <location filename="../forms/statistics_tab.ui" line="55"/>
        <source>Monthly tables</source>
        <translation>月度统计表</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics/tab.py" line="94"/>
        <source>Refunds of {month}</source>
        <translation>{month} 退款单</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics/tab.py" line="131"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics/tab.py" line="152"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../forms/statistics_tab.ui" line="23"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/statistics/tab.py" line="96"/>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
</context>
<context>
    <name>StepTableModel</name>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="204"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="205"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="206"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="207"/>
        <source>Opinion / reason</source>
        <translation>处理意见 / 原因</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="208"/>
        <source>Executor</source>
        <translation>执行人</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/table_models.py" line="209"/>
        <source>Leader&apos;s approval</source>
        <translation>领导审批</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../refund_desk/ui/admin/user_dialog.py" line="77"/>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/user_dialog.py" line="78"/>
        <source>The new user logs in with this user name and password.</source>
        <translation>新用户用这里的用户名和密码登录。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/user_dialog.py" line="81"/>
        <source>Change roles</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/user_dialog.py" line="82"/>
        <source>Roles of {user}:</source>
        <translation>{user} 的角色：</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/user_dialog.py" line="84"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/user_dialog.py" line="85"/>
        <source>A new password for {user}:</source>
        <translation>给 {user} 设新密码：</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/user_dialog.py" line="107"/>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
    <message>
        <location filename="../forms/user_dialog.ui" line="18"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../forms/user_dialog.ui" line="32"/>
        <source>Display name</source>
        <translation>显示姓名</translation>
    </message>
    <message>
        <location filename="../forms/user_dialog.ui" line="46"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../forms/user_dialog.ui" line="68"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../forms/user_dialog.ui" line="86"/>
        <source>Password again</source>
        <translation>再输一次密码</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="47"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="48"/>
        <source>Display name</source>
        <translation>显示姓名</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="49"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="50"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="51"/>
        <source>Failed log-ins (24 h)</source>
        <translation>登录失败（24 小时内）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="52"/>
        <source>Last log-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="92"/>
        <source>Failed log-ins in the last 24 hours under names that are no user: {names}</source>
        <translation>24 小时内以不存在的用户名登录失败：{names}</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="105"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="105"/>
        <source>disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="106"/>
        <source>{n}: log-in held back (Unlock clears it)</source>
        <translation>{n} 次，登录受限（解除锁定可清除）</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="109"/>
        <source>never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="128"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="128"/>
        <location filename="../forms/users_page.ui" line="21"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="133"/>
        <source>User {name} added.</source>
        <translation>已新增用户 {name}。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="137"/>
        <source>Roles of {name} changed.</source>
        <translation>已修改 {name} 的角色。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="141"/>
        <source>Password of {name} changed.</source>
        <translation>已重置 {name} 的密码。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="157"/>
        <source>Disable the user {user}? They can no longer log in.</source>
        <translation>停用用户 {user}？停用后该用户不能再登录。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="158"/>
        <source>User {name} disabled.</source>
        <translation>已停用用户 {name}。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="160"/>
        <source>Enable the user {user} again? They can log in again.</source>
        <translation>重新启用用户 {user}？启用后该用户可以再登录。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="161"/>
        <source>User {name} enabled.</source>
        <translation>已启用用户 {name}。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="191"/>
        <source>Failed log-ins of {name} cleared.</source>
        <translation>已解除 {name} 的锁定（登录失败记录已清除）。</translation>
    </message>
    <message>
        <location filename="../refund_desk/ui/admin/users_page.py" line="196"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../forms/users_page.ui" line="11"/>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <location filename="../forms/users_page.ui" line="16"/>
        <source>Change roles…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <location filename="../forms/users_page.ui" line="26"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../forms/users_page.ui" line="31"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../forms/users_page.ui" line="41"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
</TS>
