<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>ApprovalsView</name>
        <message numerus="yes">
            <location filename="../../ui/supervisor/approvals.py" line="352" />
            <location filename="../../ui/supervisor/approvals.py" line="561" />
            <location filename="../../ui/supervisor/approvals.py" line="622" />
            <source>%n waiting</source>
            <translation>
                <numerusform>%n waiting</numerusform>
                <numerusform>%n waiting</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AuditTrailView</name>
        <message numerus="yes">
            <location filename="../../ui/audit/trail.py" line="229" />
            <source>%n record(s) shown; more as you scroll</source>
            <translation>
                <numerusform>%n record shown; more as you scroll</numerusform>
                <numerusform>%n records shown; more as you scroll</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/audit/trail.py" line="231" />
            <source>%n record(s)</source>
            <translation>
                <numerusform>%n record</numerusform>
                <numerusform>%n records</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BillsTab</name>
        <message numerus="yes">
            <location filename="../../ui/workspace/bills.py" line="199" />
            <source>%n line(s) · sum %1</source>
            <translation>
                <numerusform>%n line · sum %1</numerusform>
                <numerusform>%n lines · sum %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/bills.py" line="258" />
            <source>Statement saved to %1 (%n page(s)).</source>
            <translation>
                <numerusform>Statement saved to %1 (%n page).</numerusform>
                <numerusform>Statement saved to %1 (%n pages).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CasesTab</name>
        <message numerus="yes">
            <location filename="../../ui/workspace/cases.py" line="253" />
            <source>None of your cases; the customer has %n open case(s) you do not see here.</source>
            <translation>
                <numerusform>None of your cases; the customer has %n open case you do not see here.</numerusform>
                <numerusform>None of your cases; the customer has %n open cases you do not see here.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Counts</name>
        <message numerus="yes">
            <location filename="../../ui/wording.py" line="46" />
            <source>%n transaction(s)</source>
            <translation>
                <numerusform>%n transaction</numerusform>
                <numerusform>%n transactions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/wording.py" line="49" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/wording.py" line="52" />
            <source>%n payment(s) from %1 to %2, adding up to %3.</source>
            <translation>
                <numerusform>%n payment from %1 to %2, adding up to %3.</numerusform>
                <numerusform>%n payments from %1 to %2, adding up to %3.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/wording.py" line="55" />
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message numerus="yes">
            <location filename="../../ui/supervisor/dashboard.py" line="328" />
            <source>%n arrangement(s)</source>
            <translation>
                <numerusform>%n arrangement</numerusform>
                <numerusform>%n arrangements</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/supervisor/dashboard.py" line="329" />
            <source>%n dispute outcome(s)</source>
            <translation>
                <numerusform>%n dispute outcome</numerusform>
                <numerusform>%n dispute outcomes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FraudDialog</name>
        <message numerus="yes">
            <location filename="../../ui/casework/fraud_dialog.py" line="288" />
            <source>Fraud report on account %1 (%n transaction(s))</source>
            <translation>
                <numerusform>Fraud report on account %1 (%n transaction)</numerusform>
                <numerusform>Fraud report on account %1 (%n transactions)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InstallmentsTab</name>
        <message numerus="yes">
            <location filename="../../ui/workspace/installments.py" line="135" />
            <source>Schedule of %1: %2, %n term(s)</source>
            <translation>
                <numerusform>Schedule of %1: %2, %n term</numerusform>
                <numerusform>Schedule of %1: %2, %n terms</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LimitUnits</name>
        <message numerus="yes">
            <location filename="../../ui/admin/labels.py" line="63" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/admin/labels.py" line="65" />
            <source>%n business day(s)</source>
            <translation>
                <numerusform>%n business day</numerusform>
                <numerusform>%n business days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/admin/labels.py" line="67" />
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n hour</numerusform>
                <numerusform>%n hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/admin/labels.py" line="69" />
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n month</numerusform>
                <numerusform>%n months</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/admin/labels.py" line="71" />
            <source>%n payment(s)</source>
            <translation>
                <numerusform>%n payment</numerusform>
                <numerusform>%n payments</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NotesTab</name>
        <message numerus="yes">
            <location filename="../../ui/workspace/notes.py" line="208" />
            <source>The latest %n note(s), newest first.</source>
            <translation>
                <numerusform>The latest %n note, newest first.</numerusform>
                <numerusform>The latest %n notes, newest first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/notes.py" line="210" />
            <source>%n note(s), newest first.</source>
            <translation>
                <numerusform>%n note, newest first.</numerusform>
                <numerusform>%n notes, newest first.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PolicyView</name>
        <message numerus="yes">
            <location filename="../../ui/admin/policy.py" line="279" />
            <source>Waiting for a second admin: %n change(s)</source>
            <translation>
                <numerusform>Waiting for a second admin: %n change</numerusform>
                <numerusform>Waiting for a second admin: %n changes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RevealDialog</name>
        <message numerus="yes">
            <location filename="../../ui/workspace/reveal.py" line="57" />
            <source>Reason (at least %n characters):</source>
            <translation>
                <numerusform>Reason (at least %n character):</numerusform>
                <numerusform>Reason (at least %n characters):</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TransactionsTab</name>
        <message numerus="yes">
            <location filename="../../ui/workspace/transactions.py" line="307" />
            <source>Report fraud with the %n selected purchase(s) ticked.</source>
            <translation>
                <numerusform>Report fraud with the %n selected purchase ticked.</numerusform>
                <numerusform>Report fraud with the %n selected purchases ticked.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/transactions.py" line="376" />
            <source>%n transaction(s) loaded, newest first; more load as you scroll.</source>
            <translation>
                <numerusform>%n transaction loaded, newest first; more load as you scroll.</numerusform>
                <numerusform>%n transactions loaded, newest first; more load as you scroll.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/transactions.py" line="378" />
            <source>All %n transaction(s) shown, newest first.</source>
            <translation>
                <numerusform>All %n transaction shown, newest first.</numerusform>
                <numerusform>All %n transactions shown, newest first.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UsersView</name>
        <message numerus="yes">
            <location filename="../../ui/admin/users.py" line="233" />
            <source>%n user(s)</source>
            <translation>
                <numerusform>%n user</numerusform>
                <numerusform>%n users</numerusform>
            </translation>
        </message>
    </context>
</TS>
