<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>NotesFeature</name>
    <message numerus="yes">
        <source>Exported %n note(s) to %1.</source>
        <translation>
            <numerusform>Exported %n note to %1.</numerusform>
            <numerusform>Exported %n notes to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message numerus="yes">
        <source>Exported %n page(s) to %1</source>
        <translation>
            <numerusform>Exported %n page to %1</numerusform>
            <numerusform>Exported %n pages to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n section</numerusform>
            <numerusform>%n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in other reports</source>
        <translation>
            <numerusform>%n in another report</numerusform>
            <numerusform>%n in other reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of my notes</source>
        <translation>
            <numerusform>%n of my notes</numerusform>
            <numerusform>%n of my notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message numerus="yes">
        <source>%n section(s) chosen</source>
        <translation>
            <numerusform>%n section chosen</numerusform>
            <numerusform>%n sections chosen</numerusform>
        </translation>
    </message>
</context>
</TS>
