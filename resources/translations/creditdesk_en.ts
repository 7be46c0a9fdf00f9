<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>BillsTab</name>
        <message numerus="yes">
            <location filename="../../ui/workspace/bills.py" line="153" />
            <source>%n line(s) · sum %1</source>
            <translation>
                <numerusform>%n line · sum %1</numerusform>
                <numerusform>%n lines · sum %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InstallmentsTab</name>
        <message numerus="yes">
            <location filename="../../ui/workspace/installments.py" line="114" />
            <source>Schedule of %1: %2, %n term(s)</source>
            <translation>
                <numerusform>Schedule of %1: %2, %n term</numerusform>
                <numerusform>Schedule of %1: %2, %n terms</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NotesTab</name>
        <message numerus="yes">
            <location filename="../../ui/workspace/notes.py" line="183" />
            <source>The latest %n note(s), newest first.</source>
            <translation>
                <numerusform>The latest %n note, newest first.</numerusform>
                <numerusform>The latest %n notes, newest first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/notes.py" line="185" />
            <source>%n note(s), newest first.</source>
            <translation>
                <numerusform>%n note, newest first.</numerusform>
                <numerusform>%n notes, newest first.</numerusform>
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
            <location filename="../../ui/workspace/transactions.py" line="231" />
            <source>%n transaction(s) loaded, newest first; more load as you scroll.</source>
            <translation>
                <numerusform>%n transaction loaded, newest first; more load as you scroll.</numerusform>
                <numerusform>%n transactions loaded, newest first; more load as you scroll.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/workspace/transactions.py" line="233" />
            <source>All %n transaction(s) shown, newest first.</source>
            <translation>
                <numerusform>All %n transaction shown, newest first.</numerusform>
                <numerusform>All %n transactions shown, newest first.</numerusform>
            </translation>
        </message>
    </context>
</TS>
