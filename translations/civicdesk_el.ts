<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="el_GR">
<context>
    <name>CivicDesk::AssignDialog</name>
    <message>
        <location filename="../client/widgets/assigndialog.cpp" line="22"/>
        <source>Assign Case</source>
        <translation>Ανάθεση υπόθεσης</translation>
    </message>
    <message>
        <location filename="../client/widgets/assigndialog.cpp" line="23"/>
        <source>Choose the member of %1 who should handle this case.</source>
        <translation>Επιλέξτε το μέλος της ομάδας «%1» που θα χειριστεί αυτή την υπόθεση.</translation>
    </message>
    <message>
        <location filename="../client/widgets/assigndialog.cpp" line="26"/>
        <source>Assign</source>
        <translation>Ανάθεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/assigndialog.cpp" line="27"/>
        <source>Cancel</source>
        <translation>Ακύρωση</translation>
    </message>
    <message>
        <location filename="../client/widgets/assigndialog.cpp" line="56"/>
        <source>%1 (%2)</source>
        <extracomment>Member of a team in the assign dialog, such as &quot;Maria Papadopoulou (Supervisor)&quot;.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../client/widgets/assigndialog.cpp" line="66"/>
        <source>This team has no members in your local copy, so the case cannot be assigned from here.</source>
        <translation>Η ομάδα δεν έχει μέλη στο τοπικό σας αντίγραφο, οπότε η υπόθεση δεν μπορεί να ανατεθεί από εδώ.</translation>
    </message>
</context>
<context>
    <name>CivicDesk::CaseActionsWidget</name>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="83"/>
        <source>Claim</source>
        <extracomment>Button: assign the case to yourself.</extracomment>
        <translation>Ανάληψη</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="84"/>
        <source>Assign this case to yourself.</source>
        <translation>Αναθέτει αυτή την υπόθεση σε εσάς.</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="85"/>
        <source>Assign…</source>
        <translation>Ανάθεση…</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="86"/>
        <source>Assign this case to a member of its team.</source>
        <translation>Αναθέτει αυτή την υπόθεση σε μέλος της ομάδας της.</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="87"/>
        <source>&amp;Status:</source>
        <translation>&amp;Κατάσταση:</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="88"/>
        <source>Open Citizen 360°</source>
        <translation>Προβολή πολίτη 360°</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="89"/>
        <source>Show everything about the citizen who made this request.</source>
        <translation>Εμφανίζει όλα τα στοιχεία του πολίτη που υπέβαλε αυτό το αίτημα.</translation>
    </message>
</context>
<context>
    <name>CivicDesk::CaseDetailsWidget</name>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="103"/>
        <source>Citizen&apos;s request</source>
        <translation>Αίτημα του πολίτη</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="104"/>
        <source>Why this queue</source>
        <translation>Γιατί σε αυτή την ουρά</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="105"/>
        <source>Priority breakdown</source>
        <translation>Ανάλυση προτεραιότητας</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="108"/>
        <source>Factor</source>
        <extracomment>Column of the priority breakdown table: what the score term measures.</extracomment>
        <translation>Παράγοντας</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="110"/>
        <source>Value</source>
        <extracomment>Column of the priority breakdown table: the measured value.</extracomment>
        <translation>Τιμή</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="112"/>
        <source>Weight</source>
        <extracomment>Column of the priority breakdown table: how much the factor counts.</extracomment>
        <translation>Βάρος</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="114"/>
        <source>Contribution</source>
        <extracomment>Column of the priority breakdown table: value times weight.</extracomment>
        <translation>Συνεισφορά</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="122"/>
        <source>Address: %1</source>
        <translation>Διεύθυνση: %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="125"/>
        <source>No routing rule is recorded for this case.</source>
        <translation>Δεν έχει καταγραφεί κανόνας δρομολόγησης για αυτή την υπόθεση.</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="145"/>
        <source>Total priority</source>
        <translation>Συνολική προτεραιότητα</translation>
    </message>
</context>
<context>
    <name>CivicDesk::CaseHeaderWidget</name>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="95"/>
        <source>Category:</source>
        <translation>Κατηγορία:</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="96"/>
        <source>Municipality:</source>
        <translation>Δήμος:</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="97"/>
        <source>Created:</source>
        <translation>Δημιουργία:</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="98"/>
        <source>Team:</source>
        <translation>Ομάδα:</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="99"/>
        <source>Assigned to:</source>
        <translation>Ανατέθηκε σε:</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="100"/>
        <source>Channel:</source>
        <translation>Κανάλι:</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="116"/>
        <source>%1, %2% certain (%3)</source>
        <extracomment>Category with the classifier&apos;s confidence and who chose it, such as &quot;Potholes, 87% certain (automatic classifier)&quot;.</extracomment>
        <translation>%1, βεβαιότητα %2% (%3)</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="124"/>
        <source>%1, %2</source>
        <extracomment>Municipality and region of a case, such as &quot;Athens, Attica&quot;.</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="128"/>
        <source>%1 (%2 ago)</source>
        <extracomment>Creation time and age of a case, such as &quot;12/03/2024 10:15 (3 days ago)&quot;.</extracomment>
        <translation>%1 (πριν από %2)</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="133"/>
        <source>Nobody</source>
        <extracomment>Shown as the assignee of a case nobody has claimed.</extracomment>
        <translation>Κανέναν</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="102"/>
        <source>Due:</source>
        <extracomment>Title of the time the case must be resolved by.</extracomment>
        <translation>Προθεσμία:</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="104"/>
        <source>Clock:</source>
        <extracomment>Title of the state of the case&apos;s statutory clock.</extracomment>
        <translation>Ρολόι προθεσμίας:</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="141"/>
        <source>%1 (%2)</source>
        <extracomment>Due time and time left of a case, such as &quot;14/03/2024 15:00 (2 d 3 h)&quot;.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>CivicDesk::CaseListProxyModel</name>
    <message>
        <location filename="../client/widgets/caselistproxymodel.cpp" line="21"/>
        <source>Your change to this case has not reached the server yet.</source>
        <translation>Η αλλαγή σας σε αυτή την υπόθεση δεν έχει φτάσει ακόμη στον διακομιστή.</translation>
    </message>
    <message>
        <location filename="../client/widgets/caselistproxymodel.cpp" line="91"/>
        <source>%1 •</source>
        <extracomment>Case number with a marker for a change not yet sent, such as &quot;CD-2019-004211 •&quot;.</extracomment>
        <translation>%1 •</translation>
    </message>
    <message>
        <location filename="../client/widgets/caselistproxymodel.cpp" line="103"/>
        <source>Case</source>
        <extracomment>Column title in the case list.</extracomment>
        <translation>Υπόθεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/caselistproxymodel.cpp" line="106"/>
        <source>Priority</source>
        <extracomment>Column title in the case list.</extracomment>
        <translation>Προτεραιότητα</translation>
    </message>
    <message>
        <location filename="../client/widgets/caselistproxymodel.cpp" line="109"/>
        <source>Category</source>
        <extracomment>Column title in the case list.</extracomment>
        <translation>Κατηγορία</translation>
    </message>
    <message>
        <location filename="../client/widgets/caselistproxymodel.cpp" line="112"/>
        <source>Municipality</source>
        <extracomment>Column title in the case list.</extracomment>
        <translation>Δήμος</translation>
    </message>
    <message>
        <location filename="../client/widgets/caselistproxymodel.cpp" line="115"/>
        <source>Age</source>
        <extracomment>Column title in the case list: days since the case was created.</extracomment>
        <translation>Παλαιότητα</translation>
    </message>
    <message>
        <location filename="../client/widgets/caselistproxymodel.cpp" line="121"/>
        <source>Status</source>
        <extracomment>Column title in the case list.</extracomment>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <location filename="../client/widgets/caselistproxymodel.cpp" line="124"/>
        <source>Assigned to</source>
        <extracomment>Column title in the case list.</extracomment>
        <translation>Ανατέθηκε σε</translation>
    </message>
    <message>
        <location filename="../client/widgets/caselistproxymodel.cpp" line="127"/>
        <source>Request</source>
        <extracomment>Column title in the case list: the start of the citizen&apos;s request.</extracomment>
        <translation>Αίτημα</translation>
    </message>
    <message>
        <location filename="../client/widgets/caselistproxymodel.cpp" line="118"/>
        <source>Time left</source>
        <extracomment>Column title in the case list: working time until the case is due.</extracomment>
        <translation>Υπόλοιπο χρόνου</translation>
    </message>
</context>
<context>
    <name>CivicDesk::CaseView</name>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="138"/>
        <source>Select a case in the list to see its details.</source>
        <translation>Επιλέξτε μια υπόθεση από τη λίστα για να δείτε τα στοιχεία της.</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="140"/>
        <source>Request</source>
        <extracomment>Tab of the case view with the request text, routing reason and priority.</extracomment>
        <translation>Αίτημα</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="142"/>
        <source>Citizen Timeline</source>
        <extracomment>Tab of the case view with the citizen&apos;s timeline across all cases and channels.</extracomment>
        <translation>Ιστορικό πολίτη</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="163"/>
        <source>The server rejected your last change to this case because %1.</source>
        <translation>Ο διακομιστής απέρριψε την τελευταία αλλαγή σας σε αυτή την υπόθεση, επειδή %1.</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="168"/>
        <source>Your changes to this case are saved on this computer and wait to be sent to the server.</source>
        <translation>Οι αλλαγές σας σε αυτή την υπόθεση έχουν αποθηκευτεί σε αυτόν τον υπολογιστή και περιμένουν να σταλούν στον διακομιστή.</translation>
    </message>
</context>
<context>
    <name>CivicDesk::CitizenWindow</name>
    <message>
        <location filename="../client/widgets/citizenwindow.cpp" line="114"/>
        <source>%1 – Citizen 360°</source>
        <extracomment>Window title of the citizen 360° view, such as &quot;Maria Papadopoulou – Citizen 360°&quot;.</extracomment>
        <translation>%1 – Πολίτης 360°</translation>
    </message>
    <message>
        <location filename="../client/widgets/citizenwindow.cpp" line="115"/>
        <source>Timeline across all cases and channels</source>
        <translation>Ιστορικό σε όλες τις υποθέσεις και τα κανάλια</translation>
    </message>
    <message>
        <location filename="../client/widgets/citizenwindow.cpp" line="116"/>
        <source>Double-click a case to open it in the main window.</source>
        <translation>Κάντε διπλό κλικ σε μια υπόθεση για να την ανοίξετε στο κύριο παράθυρο.</translation>
    </message>
    <message>
        <location filename="../client/widgets/citizenwindow.cpp" line="119"/>
        <source>Case</source>
        <extracomment>Column title in the citizen&apos;s case table.</extracomment>
        <translation>Υπόθεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/citizenwindow.cpp" line="121"/>
        <source>Created</source>
        <extracomment>Column title in the citizen&apos;s case table.</extracomment>
        <translation>Δημιουργία</translation>
    </message>
    <message>
        <location filename="../client/widgets/citizenwindow.cpp" line="123"/>
        <source>Category</source>
        <extracomment>Column title in the citizen&apos;s case table.</extracomment>
        <translation>Κατηγορία</translation>
    </message>
    <message>
        <location filename="../client/widgets/citizenwindow.cpp" line="125"/>
        <source>Status</source>
        <extracomment>Column title in the citizen&apos;s case table.</extracomment>
        <translation>Κατάσταση</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/widgets/citizenwindow.cpp" line="132"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n υπόθεση</numerusform>
            <numerusform>%n υποθέσεις</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CivicDesk::CommandLineOptions</name>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="26"/>
        <source>CivicDesk desktop client for civil servants.</source>
        <translation>Η εφαρμογή CivicDesk για δημοσίους υπαλλήλους.</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="30"/>
        <source>Server address to fill in, such as %1.</source>
        <translation>Διεύθυνση διακομιστή για τη φόρμα σύνδεσης, π.χ. %1.</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="31"/>
        <source>url</source>
        <translation>διεύθυνση</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="32"/>
        <source>Username to fill in.</source>
        <translation>Όνομα χρήστη για τη φόρμα σύνδεσης.</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="32"/>
        <source>name</source>
        <translation>όνομα</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="34"/>
        <source>Folder of the encrypted local copy of your cases.</source>
        <translation>Φάκελος του κρυπτογραφημένου τοπικού αντιγράφου των υποθέσεών σας.</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="34"/>
        <location filename="../client/app/commandlineoptions.cpp" line="46"/>
        <source>folder</source>
        <translation>φάκελος</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="36"/>
        <source>Language of the interface: el or en.</source>
        <translation>Γλώσσα του περιβάλλοντος εργασίας: el ή en.</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="36"/>
        <source>code</source>
        <translation>κωδικός</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="38"/>
        <source>Sign in at start with the password in the CIVICDESK_PASSWORD environment variable and the cache passphrase in CIVICDESK_CACHE_PASSPHRASE. For demonstrations and tests only.</source>
        <translation>Σύνδεση κατά την εκκίνηση με τον κωδικό πρόσβασης της μεταβλητής περιβάλλοντος CIVICDESK_PASSWORD και τη φράση πρόσβασης της CIVICDESK_CACHE_PASSPHRASE. Μόνο για επιδείξεις και δοκιμές.</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="43"/>
        <source>After the first synchronisation, save screenshots of the main window, a case and a citizen&apos;s 360° view as PNG files in this folder.</source>
        <translation>Μετά τον πρώτο συγχρονισμό, αποθηκεύει σε αυτόν τον φάκελο στιγμιότυπα οθόνης του κύριου παραθύρου, μιας υπόθεσης και της προβολής 360° ενός πολίτη ως αρχεία PNG.</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="48"/>
        <source>Quit once the screenshots are saved.</source>
        <translation>Τερματισμός μόλις αποθηκευτούν τα στιγμιότυπα οθόνης.</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="64"/>
        <source>Invalid value &quot;%1&quot; for --language: use el or en.</source>
        <translation>Μη έγκυρη τιμή «%1» για το --language. Χρησιμοποιήστε el ή en.</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="67"/>
        <source>Cannot create the data folder &quot;%1&quot; given by --data-dir.</source>
        <translation>Δεν είναι δυνατή η δημιουργία του φακέλου δεδομένων «%1» που δόθηκε με το --data-dir.</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="71"/>
        <source>Cannot create the screenshot folder &quot;%1&quot; given by --screenshots.</source>
        <translation>Δεν είναι δυνατή η δημιουργία του φακέλου στιγμιοτύπων «%1» που δόθηκε με το --screenshots.</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="75"/>
        <source>--quit-after-screenshots needs --screenshots.</source>
        <translation>Το --quit-after-screenshots απαιτεί και το --screenshots.</translation>
    </message>
</context>
<context>
    <name>CivicDesk::DisplayTexts</name>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="17"/>
        <source>New</source>
        <extracomment>Case status: the case arrived and nobody has looked at it yet.</extracomment>
        <translation>Νέα</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="21"/>
        <source>Open</source>
        <extracomment>Case status: the case is accepted but work has not started.</extracomment>
        <translation>Ανοιχτή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="25"/>
        <source>In progress</source>
        <extracomment>Case status: someone is working on the case.</extracomment>
        <translation>Σε εξέλιξη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="29"/>
        <source>Waiting</source>
        <extracomment>Case status: the case waits for the citizen or another office.</extracomment>
        <translation>Σε αναμονή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="33"/>
        <source>Resolved</source>
        <extracomment>Case status: the request was dealt with.</extracomment>
        <translation>Επιλυμένη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="37"/>
        <source>Closed</source>
        <extracomment>Case status: the case is finished and archived.</extracomment>
        <translation>Κλειστή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="46"/>
        <source>imported record</source>
        <extracomment>Who chose a case&apos;s category: it came with the imported record.</extracomment>
        <translation>εισαγόμενη εγγραφή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="50"/>
        <source>automatic classifier</source>
        <extracomment>Who chose a case&apos;s category: the automatic text classifier.</extracomment>
        <translation>αυτόματος ταξινομητής</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="54"/>
        <source>citizen</source>
        <extracomment>Who chose a case&apos;s category: the citizen when submitting the request.</extracomment>
        <translation>πολίτης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="58"/>
        <source>civil servant</source>
        <extracomment>Who chose a case&apos;s category: a civil servant.</extracomment>
        <translation>υπάλληλος</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="67"/>
        <source>Category</source>
        <extracomment>Priority factor: the weight of the case&apos;s category.</extracomment>
        <translation>Κατηγορία</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="71"/>
        <source>Region</source>
        <extracomment>Priority factor: the weight of the case&apos;s region.</extracomment>
        <translation>Περιφέρεια</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="75"/>
        <source>Time open</source>
        <extracomment>Priority factor: how long the case has been open.</extracomment>
        <translation>Χρόνος εκκρεμότητας</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="84"/>
        <source>Request</source>
        <extracomment>Timeline entry: the citizen&apos;s original request.</extracomment>
        <translation>Αίτημα</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="88"/>
        <source>Note</source>
        <extracomment>Timeline entry: an internal note by a civil servant.</extracomment>
        <translation>Σημείωση</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="92"/>
        <source>Status change</source>
        <extracomment>Timeline entry: the case&apos;s status changed.</extracomment>
        <translation>Αλλαγή κατάστασης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="96"/>
        <source>Assignment</source>
        <extracomment>Timeline entry: the case was assigned to someone.</extracomment>
        <translation>Ανάθεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="100"/>
        <source>Phone call</source>
        <extracomment>Timeline entry: a telephone call.</extracomment>
        <translation>Τηλεφώνημα</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="104"/>
        <location filename="../client/widgets/displaytexts.cpp" line="129"/>
        <source>E-mail</source>
        <extracomment>Timeline entry: an e-mail message.
----------
Channel through which a request arrived.</extracomment>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="108"/>
        <source>Chat</source>
        <extracomment>Timeline entry: a chat conversation.</extracomment>
        <translation>Συνομιλία</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="112"/>
        <source>Visit</source>
        <extracomment>Timeline entry: the citizen visited a service point.</extracomment>
        <translation>Επίσκεψη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="125"/>
        <source>Web portal</source>
        <extracomment>Channel through which a request arrived.</extracomment>
        <translation>Διαδικτυακή πύλη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="133"/>
        <source>Telephone</source>
        <extracomment>Channel through which a request arrived.</extracomment>
        <translation>Τηλέφωνο</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="137"/>
        <source>Service counter</source>
        <extracomment>Channel through which a request arrived: in person at a service point.</extracomment>
        <translation>Γκισέ εξυπηρέτησης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="141"/>
        <source>Data import</source>
        <extracomment>Channel through which a request arrived: loaded from an older system.</extracomment>
        <translation>Εισαγωγή δεδομένων</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="150"/>
        <source>Agent</source>
        <extracomment>Staff role.</extracomment>
        <translation>Υπάλληλος</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="154"/>
        <source>Supervisor</source>
        <extracomment>Staff role.</extracomment>
        <translation>Προϊστάμενος</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="158"/>
        <source>Administrator</source>
        <extracomment>Staff role.</extracomment>
        <translation>Διαχειριστής</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/widgets/displaytexts.cpp" line="170"/>
        <source>%n day(s)</source>
        <extracomment>Age of a case, such as &quot;3 days&quot;.</extracomment>
        <translation>
            <numerusform>%n ημέρα</numerusform>
            <numerusform>%n ημέρες</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="252"/>
        <source>The username or password is wrong. Check them and try again.</source>
        <translation>Το όνομα χρήστη ή ο κωδικός πρόσβασης είναι λάθος. Ελέγξτε τα και δοκιμάστε ξανά.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="254"/>
        <source>The server cannot be reached and this computer has no saved copy of your cases. Check the server address and your network connection.</source>
        <translation>Ο διακομιστής δεν είναι προσβάσιμος και σε αυτόν τον υπολογιστή δεν υπάρχει αποθηκευμένο αντίγραφο των υποθέσεών σας. Ελέγξτε τη διεύθυνση του διακομιστή και τη σύνδεσή σας στο δίκτυο.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="257"/>
        <source>This computer has no password store for the key of your local copy, so enter the cache passphrase.</source>
        <translation>Αυτός ο υπολογιστής δεν διαθέτει χώρο φύλαξης κωδικών για το κλειδί του τοπικού σας αντιγράφου, γι’ αυτό εισαγάγετε τη φράση πρόσβασης του αντιγράφου.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="260"/>
        <source>The cache passphrase does not unlock the local copy of your cases. Enter the passphrase you chose when you first signed in on this computer.</source>
        <translation>Η φράση πρόσβασης δεν ξεκλειδώνει το τοπικό αντίγραφο των υποθέσεών σας. Εισαγάγετε τη φράση που επιλέξατε την πρώτη φορά που συνδεθήκατε σε αυτόν τον υπολογιστή.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="263"/>
        <source>The local copy of your cases is damaged or cannot be decrypted. Ask your IT support to remove it. It is then fetched again from the server.</source>
        <translation>Το τοπικό αντίγραφο των υποθέσεών σας είναι κατεστραμμένο ή δεν μπορεί να αποκρυπτογραφηθεί. Ζητήστε από την υποστήριξη πληροφορικής να το διαγράψει. Στη συνέχεια θα ληφθεί ξανά από τον διακομιστή.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="266"/>
        <source>The server sent a reply this version of CivicDesk cannot read. Ask your IT support whether the client needs an update.</source>
        <translation>Ο διακομιστής έστειλε απάντηση που αυτή η έκδοση του CivicDesk δεν μπορεί να διαβάσει. Ρωτήστε την υποστήριξη πληροφορικής αν η εφαρμογή χρειάζεται ενημέρωση.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="269"/>
        <source>The server failed while signing you in. Try again in a few minutes.</source>
        <translation>Παρουσιάστηκε σφάλμα στον διακομιστή κατά τη σύνδεσή σας. Δοκιμάστε ξανά σε λίγα λεπτά.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="277"/>
        <source>someone else changed the case at the same time</source>
        <translation>κάποιος άλλος άλλαξε την υπόθεση την ίδια στιγμή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="280"/>
        <source>you are not allowed to make this change</source>
        <translation>δεν έχετε δικαίωμα να κάνετε αυτή την αλλαγή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="283"/>
        <source>the case no longer exists on the server</source>
        <translation>η υπόθεση δεν υπάρχει πλέον στον διακομιστή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="286"/>
        <source>the server found the change invalid</source>
        <translation>ο διακομιστής έκρινε την αλλαγή μη έγκυρη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="288"/>
        <source>the server refused the change (%1)</source>
        <translation>ο διακομιστής δεν δέχτηκε την αλλαγή (%1)</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="296"/>
        <source>Signed out</source>
        <extracomment>Connection state in the status bar.</extracomment>
        <translation>Έχετε αποσυνδεθεί</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="299"/>
        <source>Connecting…</source>
        <extracomment>Connection state in the status bar.</extracomment>
        <translation>Σύνδεση…</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="302"/>
        <source>Synchronising…</source>
        <extracomment>Connection state in the status bar.</extracomment>
        <translation>Συγχρονισμός…</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="305"/>
        <source>Online</source>
        <extracomment>Connection state in the status bar.</extracomment>
        <translation>Σε σύνδεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="308"/>
        <source>Offline</source>
        <extracomment>Connection state in the status bar: working from the local copy.</extracomment>
        <translation>Χωρίς σύνδεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="116"/>
        <source>Deadline reminder</source>
        <extracomment>Timeline entry: a warning that a case nears or passed its due time.</extracomment>
        <translation>Υπενθύμιση προθεσμίας</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="181"/>
        <source>%1 d %2 h</source>
        <extracomment>Time span in days and hours, such as &quot;2 d 3 h&quot;.</extracomment>
        <translation>%1 ημ. %2 ώρ.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="185"/>
        <source>%1 h</source>
        <extracomment>Time span in hours, such as &quot;5 h&quot;.</extracomment>
        <translation>%1 ώρ.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="188"/>
        <source>%1 min</source>
        <extracomment>Time span in minutes, such as &quot;40 min&quot;.</extracomment>
        <translation>%1 λεπτά</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="197"/>
        <source>Paused</source>
        <extracomment>Time left of a case whose statutory clock is paused.</extracomment>
        <translation>Σε αναστολή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="205"/>
        <source>overdue %1</source>
        <extracomment>Time past the due time of a case, such as &quot;overdue 5 h&quot;.</extracomment>
        <translation>εκπρόθεσμο κατά %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="219"/>
        <source>Running</source>
        <extracomment>State of a case&apos;s statutory clock.</extracomment>
        <translation>Σε εξέλιξη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="223"/>
        <source>Stopped</source>
        <extracomment>State of a case&apos;s statutory clock after the case was resolved or closed.</extracomment>
        <translation>Σταμάτησε</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="227"/>
        <source>Paused: referred to another service</source>
        <extracomment>State of a case&apos;s statutory clock.</extracomment>
        <translation>Σε αναστολή: διαβιβάστηκε σε άλλη υπηρεσία</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="231"/>
        <source>Paused: waiting for the citizen</source>
        <extracomment>State of a case&apos;s statutory clock.</extracomment>
        <translation>Σε αναστολή: αναμονή του πολίτη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="100"/>
        <source>Rule %1: “%2” in any region → %3</source>
        <extracomment>Why a case is in its queue: rule number, category name and team name.</extracomment>
        <translation>Κανόνας %1: «%2» σε κάθε περιφέρεια → %3</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="108"/>
        <source>Rule %1: “%2” in region %3 → %4</source>
        <extracomment>Why a case is in its queue: rule number, category name, region name and team name.</extracomment>
        <translation>Κανόνας %1: «%2» στην περιφέρεια %3 → %4</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="116"/>
        <source>No rule for “%1” in region %2 → region triage %3</source>
        <extracomment>Why a case is in its queue: category name, region name and triage team name.</extracomment>
        <translation>Κανένας κανόνας για «%1» στην περιφέρεια %2 → διαλογή περιφέρειας: %3</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="124"/>
        <source>No rule or region team for “%1” → national triage %2</source>
        <extracomment>Why a case is in its queue: category name and national triage team name.</extracomment>
        <translation>Κανένας κανόνας ούτε ομάδα περιφέρειας για «%1» → κεντρική διαλογή: %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="133"/>
        <source>Confidence %1% below the threshold %2% for “%3”: sent for triage</source>
        <extracomment>Why a case is in its queue: the classifier&apos;s confidence and the category&apos;s threshold in percent, then the category name.</extracomment>
        <translation>Βεβαιότητα %1% κάτω από το όριο %2% για «%3»: στάλθηκε για διαλογή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="146"/>
        <source>nobody</source>
        <extracomment>Assignee of a case that was assigned to nobody.</extracomment>
        <translation>κανείς</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="155"/>
        <source>Warning: the first response deadline is near</source>
        <extracomment>Timeline entry of a case that nears its first-response deadline.</extracomment>
        <translation>Προειδοποίηση: πλησιάζει η προθεσμία πρώτης απάντησης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="159"/>
        <source>Warning: the resolution deadline is near</source>
        <extracomment>Timeline entry of a case that nears its resolution deadline.</extracomment>
        <translation>Προειδοποίηση: πλησιάζει η προθεσμία επίλυσης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="163"/>
        <source>First response deadline passed</source>
        <extracomment>Timeline entry of a case that passed its first-response deadline.</extracomment>
        <translation>Υπέρβαση προθεσμίας πρώτης απάντησης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="167"/>
        <source>Resolution deadline passed</source>
        <extracomment>Timeline entry of a case that passed its resolution deadline.</extracomment>
        <translation>Υπέρβαση προθεσμίας επίλυσης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="180"/>
        <source>Status: %1 → %2</source>
        <extracomment>Timeline entry: the case&apos;s status before and after the change.</extracomment>
        <translation>Κατάσταση: %1 → %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="187"/>
        <source>Assignee: %1 → %2</source>
        <extracomment>Timeline entry: the username of the assignee before and after the change.</extracomment>
        <translation>Υπεύθυνος: %1 → %2</translation>
    </message>
</context>
<context>
    <name>CivicDesk::LoginWindow</name>
    <message>
        <location filename="../client/widgets/loginwindow.cpp" line="73"/>
        <source>Connecting to the server…</source>
        <translation>Σύνδεση με τον διακομιστή…</translation>
    </message>
    <message>
        <location filename="../client/widgets/loginwindow.cpp" line="180"/>
        <source>Sign In to CivicDesk</source>
        <translation>Σύνδεση στο CivicDesk</translation>
    </message>
    <message>
        <location filename="../client/widgets/loginwindow.cpp" line="181"/>
        <source>CivicDesk</source>
        <translation>CivicDesk</translation>
    </message>
    <message>
        <location filename="../client/widgets/loginwindow.cpp" line="182"/>
        <source>&amp;Server address:</source>
        <translation>Διεύθυνση &amp;διακομιστή:</translation>
    </message>
    <message>
        <location filename="../client/widgets/loginwindow.cpp" line="183"/>
        <source>&amp;Username:</source>
        <translation>&amp;Όνομα χρήστη:</translation>
    </message>
    <message>
        <location filename="../client/widgets/loginwindow.cpp" line="184"/>
        <source>&amp;Password:</source>
        <translation>&amp;Κωδικός πρόσβασης:</translation>
    </message>
    <message>
        <location filename="../client/widgets/loginwindow.cpp" line="185"/>
        <source>Cache pass&amp;phrase:</source>
        <translation>Φράση πρόσ&amp;βασης αντιγράφου:</translation>
    </message>
    <message>
        <location filename="../client/widgets/loginwindow.cpp" line="186"/>
        <source>This computer has no password store, so a passphrase of your choice encrypts the local copy of your cases.</source>
        <translation>Αυτός ο υπολογιστής δεν διαθέτει χώρο φύλαξης κωδικών, γι’ αυτό μια φράση πρόσβασης της επιλογής σας κρυπτογραφεί το τοπικό αντίγραφο των υποθέσεών σας.</translation>
    </message>
    <message>
        <location filename="../client/widgets/loginwindow.cpp" line="188"/>
        <source>Sign In</source>
        <translation>Σύνδεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/loginwindow.cpp" line="196"/>
        <source>Enter the server address, such as %1.</source>
        <translation>Εισαγάγετε τη διεύθυνση του διακομιστή, π.χ. %1.</translation>
    </message>
    <message>
        <location filename="../client/widgets/loginwindow.cpp" line="199"/>
        <source>The server address must be a ws:// or wss:// address with a host name, such as %1.</source>
        <translation>Η διεύθυνση του διακομιστή πρέπει να είναι διεύθυνση ws:// ή wss:// με όνομα υπολογιστή, π.χ. %1.</translation>
    </message>
</context>
<context>
    <name>CivicDesk::MainWindow</name>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="64"/>
        <source>CivicDesk</source>
        <translation>CivicDesk</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="65"/>
        <source>&amp;File</source>
        <translation>&amp;Αρχείο</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="66"/>
        <source>Sign &amp;Out</source>
        <translation>&amp;Αποσύνδεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="67"/>
        <source>&amp;Quit</source>
        <translation>&amp;Έξοδος</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="68"/>
        <source>&amp;View</source>
        <translation>&amp;Προβολή</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="69"/>
        <source>&amp;Language</source>
        <translation>&amp;Γλώσσα</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="71"/>
        <source>&amp;Citizen</source>
        <extracomment>Menu holding the search for citizens and organisations.</extracomment>
        <translation>Π&amp;ολίτης</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="72"/>
        <source>&amp;Find Citizen…</source>
        <translation>&amp;Αναζήτηση πολίτη…</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="73"/>
        <source>&amp;Help</source>
        <translation>Βοή&amp;θεια</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="74"/>
        <source>&amp;About CivicDesk</source>
        <translation>&amp;Σχετικά με το CivicDesk</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="75"/>
        <source>Show &amp;closed cases</source>
        <translation>Εμφάνιση &amp;κλειστών υποθέσεων</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="112"/>
        <source>About CivicDesk</source>
        <translation>Σχετικά με το CivicDesk</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="113"/>
        <source>CivicDesk %1 is the desktop client that civil servants use to handle citizens&apos; requests, with a local encrypted copy of their cases that keeps working offline.</source>
        <translation>Το CivicDesk %1 είναι η εφαρμογή με την οποία οι δημόσιοι υπάλληλοι χειρίζονται τα αιτήματα των πολιτών. Κρατά κρυπτογραφημένο τοπικό αντίγραφο των υποθέσεών τους, ώστε να λειτουργεί και χωρίς σύνδεση.</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="118"/>
        <source>Close</source>
        <translation>Κλείσιμο</translation>
    </message>
</context>
<context>
    <name>CivicDesk::NoteComposer</name>
    <message>
        <location filename="../client/widgets/notecomposer.cpp" line="48"/>
        <source>Write an internal note about this case…</source>
        <translation>Γράψτε μια εσωτερική σημείωση για αυτή την υπόθεση…</translation>
    </message>
    <message>
        <location filename="../client/widgets/notecomposer.cpp" line="49"/>
        <source>Add Note</source>
        <translation>Προσθήκη σημείωσης</translation>
    </message>
</context>
<context>
    <name>CivicDesk::PartyDetailsWidget</name>
    <message>
        <location filename="../client/widgets/partydetailswidget.cpp" line="89"/>
        <source>AFM:</source>
        <extracomment>Greek tax registration number.</extracomment>
        <translation>ΑΦΜ:</translation>
    </message>
    <message>
        <location filename="../client/widgets/partydetailswidget.cpp" line="91"/>
        <source>AMKA:</source>
        <extracomment>Greek social security number.</extracomment>
        <translation>ΑΜΚΑ:</translation>
    </message>
    <message>
        <location filename="../client/widgets/partydetailswidget.cpp" line="92"/>
        <source>Phone:</source>
        <translation>Τηλέφωνο:</translation>
    </message>
    <message>
        <location filename="../client/widgets/partydetailswidget.cpp" line="93"/>
        <source>E-mail:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <location filename="../client/widgets/partydetailswidget.cpp" line="94"/>
        <source>Municipality:</source>
        <translation>Δήμος:</translation>
    </message>
    <message>
        <location filename="../client/widgets/partydetailswidget.cpp" line="95"/>
        <source>Language:</source>
        <translation>Γλώσσα:</translation>
    </message>
    <message>
        <location filename="../client/widgets/partydetailswidget.cpp" line="96"/>
        <source>Fictitious demo person</source>
        <translation>Φανταστικό πρόσωπο επίδειξης</translation>
    </message>
    <message>
        <location filename="../client/widgets/partydetailswidget.cpp" line="97"/>
        <source>This person was made up for demonstrations and tests. The record belongs to no real citizen.</source>
        <translation>Αυτό το πρόσωπο δημιουργήθηκε για επιδείξεις και δοκιμές. Η εγγραφή δεν αντιστοιχεί σε κανέναν πραγματικό πολίτη.</translation>
    </message>
    <message>
        <location filename="../client/widgets/partydetailswidget.cpp" line="104"/>
        <source>not given</source>
        <extracomment>Shown in place of a detail the citizen has not given.</extracomment>
        <translation>δεν έχει δηλωθεί</translation>
    </message>
    <message>
        <location filename="../client/widgets/partydetailswidget.cpp" line="116"/>
        <source>Greek</source>
        <translation>Ελληνικά</translation>
    </message>
    <message>
        <location filename="../client/widgets/partydetailswidget.cpp" line="118"/>
        <source>English</source>
        <translation>Αγγλικά</translation>
    </message>
</context>
<context>
    <name>CivicDesk::PartySearchDialog</name>
    <message>
        <location filename="../client/widgets/partysearchdialog.cpp" line="39"/>
        <source>Name</source>
        <extracomment>Column title in the citizen search results.</extracomment>
        <translation>Όνομα</translation>
    </message>
    <message>
        <location filename="../client/widgets/partysearchdialog.cpp" line="42"/>
        <source>AFM</source>
        <extracomment>Column title in the citizen search results: Greek tax number.</extracomment>
        <translation>ΑΦΜ</translation>
    </message>
    <message>
        <location filename="../client/widgets/partysearchdialog.cpp" line="45"/>
        <source>AMKA</source>
        <extracomment>Column title in the citizen search results: Greek social security number.</extracomment>
        <translation>ΑΜΚΑ</translation>
    </message>
    <message>
        <location filename="../client/widgets/partysearchdialog.cpp" line="48"/>
        <source>Municipality</source>
        <extracomment>Column title in the citizen search results.</extracomment>
        <translation>Δήμος</translation>
    </message>
    <message>
        <location filename="../client/widgets/partysearchdialog.cpp" line="139"/>
        <source>Find Citizen</source>
        <translation>Αναζήτηση πολίτη</translation>
    </message>
    <message>
        <location filename="../client/widgets/partysearchdialog.cpp" line="140"/>
        <source>&amp;Search by name, AFM or AMKA:</source>
        <translation>&amp;Αναζήτηση με όνομα, ΑΦΜ ή ΑΜΚΑ:</translation>
    </message>
    <message>
        <location filename="../client/widgets/partysearchdialog.cpp" line="141"/>
        <source>Type at least two characters</source>
        <translation>Πληκτρολογήστε τουλάχιστον δύο χαρακτήρες</translation>
    </message>
    <message>
        <location filename="../client/widgets/partysearchdialog.cpp" line="142"/>
        <source>Open Citizen 360°</source>
        <translation>Προβολή πολίτη 360°</translation>
    </message>
    <message>
        <location filename="../client/widgets/partysearchdialog.cpp" line="143"/>
        <source>Close</source>
        <translation>Κλείσιμο</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/widgets/partysearchdialog.cpp" line="155"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n αποτέλεσμα</numerusform>
            <numerusform>%n αποτελέσματα</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CivicDesk::QueueListProxyModel</name>
    <message numerus="yes">
        <location filename="../client/widgets/queuelistproxymodel.cpp" line="21"/>
        <source>%1
%n open case(s)</source>
        <extracomment>Tooltip of a queue: its full name, then the number of open cases on a new line.</extracomment>
        <translation>
            <numerusform>%1
%n ανοιχτή υπόθεση</numerusform>
            <numerusform>%1
%n ανοιχτές υποθέσεις</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/widgets/queuelistproxymodel.cpp" line="33"/>
        <source>My cases</source>
        <extracomment>Queue of the cases assigned to the signed-in user.</extracomment>
        <translation>Οι υποθέσεις μου</translation>
    </message>
    <message>
        <location filename="../client/widgets/queuelistproxymodel.cpp" line="36"/>
        <source>Unassigned</source>
        <extracomment>Queue of the cases of the user&apos;s teams that nobody has claimed.</extracomment>
        <translation>Χωρίς ανάθεση</translation>
    </message>
</context>
<context>
    <name>CivicDesk::SessionStatusBar</name>
    <message>
        <location filename="../client/widgets/sessionstatusbar.cpp" line="52"/>
        <source>The server rejected your change to case %1 because %2.</source>
        <translation>Ο διακομιστής απέρριψε την αλλαγή σας στην υπόθεση %1, επειδή %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/widgets/sessionstatusbar.cpp" line="88"/>
        <source>%n change(s) waiting to be sent</source>
        <extracomment>Status bar: edits saved locally that the server has not acknowledged yet.</extracomment>
        <translation>
            <numerusform>%n αλλαγή σε αναμονή αποστολής</numerusform>
            <numerusform>%n αλλαγές σε αναμονή αποστολής</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../client/widgets/sessionstatusbar.cpp" line="92"/>
        <source>%n change(s) rejected</source>
        <extracomment>Status bar: edits the server refused; each is shown on its case.</extracomment>
        <translation>
            <numerusform>%n αλλαγή απορρίφθηκε</numerusform>
            <numerusform>%n αλλαγές απορρίφθηκαν</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/widgets/sessionstatusbar.cpp" line="97"/>
        <source>Last synchronised: %1</source>
        <translation>Τελευταίος συγχρονισμός: %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/sessionstatusbar.cpp" line="98"/>
        <source>Not synchronised yet</source>
        <translation>Δεν έχει γίνει ακόμη συγχρονισμός</translation>
    </message>
    <message>
        <location filename="../client/widgets/sessionstatusbar.cpp" line="110"/>
        <source>Synchronising: %1 of %2 changes received.</source>
        <translation>Συγχρονισμός: ελήφθησαν %1 από %2 αλλαγές.</translation>
    </message>
</context>
<context>
    <name>CivicDesk::TimelineDelegate</name>
    <message>
        <location filename="../client/widgets/timelineview.cpp" line="69"/>
        <source>%1 · %2</source>
        <extracomment>Timeline entry header without an author (the citizen&apos;s own request): time and case number, such as &quot;12/03/2024 10:15 · CD-2019-004211&quot;.</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/timelineview.cpp" line="73"/>
        <source>%1 · %2 · %3</source>
        <extracomment>Timeline entry header: time, author and case number, such as &quot;12/03/2024 10:15 · Maria Papadopoulou · CD-2019-004211&quot;.</extracomment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../client/widgets/timelineview.cpp" line="77"/>
        <source>(waiting to be sent)</source>
        <extracomment>Appended to a timeline entry the server has not received yet.</extracomment>
        <translation>(σε αναμονή αποστολής)</translation>
    </message>
</context>
</TS>
