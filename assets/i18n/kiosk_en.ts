<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>CallbackView</name>
    <message numerus="yes">
        <source>Only the clinic&apos;s staff see what you send. We delete it %n day(s) after we have taken care of your request.</source>
        <translation>
            <numerusform>Only the clinic&apos;s staff see what you send. We delete it %n day after we have taken care of your request.</numerusform>
            <numerusform>Only the clinic&apos;s staff see what you send. We delete it %n days after we have taken care of your request.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message numerus="yes">
        <source>The screen will go back to the start in %n second(s).</source>
        <translation>
            <numerusform>The screen will go back to the start in %n second.</numerusform>
            <numerusform>The screen will go back to the start in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinView</name>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n digit entered</numerusform>
            <numerusform>%n digits entered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffMode</name>
    <message numerus="yes">
        <source>%n request(s) saved to {place}, in the file {file}. They could not be marked exported, so they stay new and the next export will include them again. {problem}</source>
        <translation>
            <numerusform>%n request saved to {place}, in the file {file}. It could not be marked exported, so it stays new and the next export will include it again. {problem}</numerusform>
            <numerusform>%n requests saved to {place}, in the file {file}. They could not be marked exported, so they stay new and the next export will include them again. {problem}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) saved to {place}, in the file {file}, but the audit log could not record it. {problem}</source>
        <translation>
            <numerusform>%n request saved to {place}, in the file {file}, but the audit log could not record it. {problem}</numerusform>
            <numerusform>%n requests saved to {place}, in the file {file}, but the audit log could not record it. {problem}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) saved to {place}, in the file {file}</source>
        <translation>
            <numerusform>%n request saved to {place}, in the file {file}</numerusform>
            <numerusform>%n requests saved to {place}, in the file {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n old request(s) deleted.</source>
        <translation>
            <numerusform>%n old request deleted.</numerusform>
            <numerusform>%n old requests deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message numerus="yes">
        <source>%n request(s) went to the front desk. Call them from there.</source>
        <translation>
            <numerusform>%n request went to the front desk. Call it from there.</numerusform>
            <numerusform>%n requests went to the front desk. Call them from there.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThanksPage</name>
    <message numerus="yes">
        <source>Back to the start in %n second(s).</source>
        <translation>
            <numerusform>Back to the start in %n second.</numerusform>
            <numerusform>Back to the start in %n seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
