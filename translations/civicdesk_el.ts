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
        <location filename="../client/widgets/caseactionswidget.cpp" line="89"/>
        <source>Claim</source>
        <extracomment>Button: assign the case to yourself.</extracomment>
        <translation>Ανάληψη</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="90"/>
        <source>Assign this case to yourself.</source>
        <translation>Αναθέτει αυτή την υπόθεση σε εσάς.</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="91"/>
        <source>Assign…</source>
        <translation>Ανάθεση…</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="92"/>
        <source>Assign this case to a member of its team.</source>
        <translation>Αναθέτει αυτή την υπόθεση σε μέλος της ομάδας της.</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="94"/>
        <source>Change Category…</source>
        <extracomment>Button: correct the case&apos;s category and subcategory.</extracomment>
        <translation>Αλλαγή Κατηγορίας…</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="95"/>
        <source>Correct the category the classifier or citizen chose.</source>
        <translation>Διορθώστε την κατηγορία που επέλεξε ο ταξινομητής ή ο πολίτης.</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="96"/>
        <source>&amp;Status:</source>
        <translation>&amp;Κατάσταση:</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="97"/>
        <source>Open Citizen 360°</source>
        <translation>Προβολή πολίτη 360°</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseactionswidget.cpp" line="98"/>
        <source>Show everything about the citizen who made this request.</source>
        <translation>Εμφανίζει όλα τα στοιχεία του πολίτη που υπέβαλε αυτό το αίτημα.</translation>
    </message>
</context>
<context>
    <name>CivicDesk::CaseDetailsWidget</name>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="125"/>
        <source>Citizen&apos;s request</source>
        <translation>Αίτημα του πολίτη</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="126"/>
        <source>Why is this in my queue?</source>
        <translation>Γιατί είναι στην ουρά μου;</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="128"/>
        <source>Unlink</source>
        <extracomment>Button next to &quot;Duplicate of CD-…&quot;: the case stops being a duplicate.</extracomment>
        <translation>Αποσύνδεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="129"/>
        <source>Priority breakdown</source>
        <translation>Ανάλυση προτεραιότητας</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="132"/>
        <source>Factor</source>
        <extracomment>Column of the priority breakdown table: what the score term measures.</extracomment>
        <translation>Παράγοντας</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="134"/>
        <source>Value</source>
        <extracomment>Column of the priority breakdown table: the measured value.</extracomment>
        <translation>Τιμή</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="136"/>
        <source>Weight</source>
        <extracomment>Column of the priority breakdown table: how much the factor counts.</extracomment>
        <translation>Βάρος</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="138"/>
        <source>Contribution</source>
        <extracomment>Column of the priority breakdown table: value times weight.</extracomment>
        <translation>Συνεισφορά</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="146"/>
        <source>Address: %1</source>
        <translation>Διεύθυνση: %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="149"/>
        <source>No routing rule is recorded for this case.</source>
        <translation>Δεν έχει καταγραφεί κανόνας δρομολόγησης για αυτή την υπόθεση.</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="172"/>
        <source>Total priority</source>
        <translation>Συνολική προτεραιότητα</translation>
    </message>
    <message>
        <location filename="../client/widgets/casedetailswidget.cpp" line="193"/>
        <source>Duplicate of %1</source>
        <extracomment>Link to the earlier open case this report duplicates; %1 is its number.</extracomment>
        <translation>Διπλή αναφορά της %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/widgets/casedetailswidget.cpp" line="197"/>
        <source>%n linked report(s)</source>
        <extracomment>On an original case: how many other reports are linked to it as duplicates.</extracomment>
        <translation>
            <numerusform>%n συνδεδεμένη αναφορά</numerusform>
            <numerusform>%n συνδεδεμένες αναφορές</numerusform>
        </translation>
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
        <location filename="../client/widgets/caseheaderwidget.cpp" line="117"/>
        <source>%1 / %2</source>
        <extracomment>A category and its subcategory, such as &quot;Road damage / Pothole&quot;.</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="125"/>
        <source>%1, %2% certain (%3)</source>
        <extracomment>Category with the classifier&apos;s confidence and who chose it, such as &quot;Potholes, 87% certain (automatic classifier)&quot;.</extracomment>
        <translation>%1, βεβαιότητα %2% (%3)</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="134"/>
        <source>%1, %2</source>
        <extracomment>Municipality and region of a case, such as &quot;Athens, Attica&quot;.</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="138"/>
        <source>%1 (%2 ago)</source>
        <extracomment>Creation time and age of a case, such as &quot;12/03/2024 10:15 (3 days ago)&quot;.</extracomment>
        <translation>%1 (πριν από %2)</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="143"/>
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
        <location filename="../client/widgets/caseheaderwidget.cpp" line="180"/>
        <source>Next update due:</source>
        <extracomment>Title of the time the next update to the citizen is due by.</extracomment>
        <translation>Επόμενη ενημέρωση έως:</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="183"/>
        <source>First response due:</source>
        <extracomment>Title of the time the first reply to the citizen is due by.</extracomment>
        <translation>Πρώτη απάντηση έως:</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="120"/>
        <location filename="../client/widgets/caseheaderwidget.cpp" line="151"/>
        <source>%1 (%2)</source>
        <extracomment>Category an agent set by hand and who chose it, such as &quot;Potholes (agent)&quot;.
----------
Due time and time left of a case, such as &quot;14/03/2024 15:00 (2 d 3 h)&quot;.</extracomment>
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
        <location filename="../client/widgets/caseview.cpp" line="145"/>
        <source>Select a case in the list to see its details.</source>
        <translation>Επιλέξτε μια υπόθεση από τη λίστα για να δείτε τα στοιχεία της.</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="147"/>
        <source>Request</source>
        <extracomment>Tab of the case view with the request text, routing reason and priority.</extracomment>
        <translation>Αίτημα</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="149"/>
        <source>Citizen Timeline</source>
        <extracomment>Tab of the case view with the citizen&apos;s timeline across all cases and channels.</extracomment>
        <translation>Ιστορικό πολίτη</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="175"/>
        <source>The server rejected your last change to this case because %1.</source>
        <translation>Ο διακομιστής απέρριψε την τελευταία αλλαγή σας σε αυτή την υπόθεση, επειδή %1.</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="180"/>
        <source>Your changes to this case are saved on this computer and wait to be sent to the server.</source>
        <translation>Οι αλλαγές σας σε αυτή την υπόθεση έχουν αποθηκευτεί σε αυτόν τον υπολογιστή και περιμένουν να σταλούν στον διακομιστή.</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="211"/>
        <source>Unlink Duplicate</source>
        <translation>Αποσύνδεση Διπλής Αναφοράς</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="212"/>
        <source>Treat %1 as a report of its own? It leaves the case it duplicates and is worked on separately.</source>
        <translation>Να αντιμετωπιστεί η %1 ως αυτοτελής αναφορά; Φεύγει από την υπόθεση που επαναλαμβάνει και εξετάζεται χωριστά.</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="218"/>
        <source>Unlink</source>
        <extracomment>Confirms unlinking a duplicate report.</extracomment>
        <translation>Αποσύνδεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/caseview.cpp" line="219"/>
        <source>Cancel</source>
        <translation>Άκυρο</translation>
    </message>
</context>
<context>
    <name>CivicDesk::CategoryDialog</name>
    <message>
        <location filename="../client/widgets/categorydialog.cpp" line="22"/>
        <source>Change Category</source>
        <extracomment>Window title of the dialog that corrects a case&apos;s category.</extracomment>
        <translation>Αλλαγή Κατηγορίας</translation>
    </message>
    <message>
        <location filename="../client/widgets/categorydialog.cpp" line="35"/>
        <source>Your choice is recorded as an agent&apos;s and serves as an example the next time the classifier is trained.</source>
        <translation>Η επιλογή σας καταγράφεται ως επιλογή υπαλλήλου και χρησιμεύει ως παράδειγμα την επόμενη φορά που θα εκπαιδευτεί ο ταξινομητής.</translation>
    </message>
    <message>
        <location filename="../client/widgets/categorydialog.cpp" line="40"/>
        <source>&amp;Category:</source>
        <translation>&amp;Κατηγορία:</translation>
    </message>
    <message>
        <location filename="../client/widgets/categorydialog.cpp" line="41"/>
        <source>S&amp;ubcategory:</source>
        <translation>&amp;Υποκατηγορία:</translation>
    </message>
    <message>
        <location filename="../client/widgets/categorydialog.cpp" line="76"/>
        <source>None</source>
        <extracomment>Subcategory choice meaning the case has no subcategory.</extracomment>
        <translation>Καμία</translation>
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
        <location filename="../client/app/commandlineoptions.cpp" line="33"/>
        <source>PEM file of certificate authorities to trust besides the system&apos;s, for a server with its own certificate. Default: the CIVICDESK_CA_CERTIFICATE environment variable.</source>
        <translation>Αρχείο PEM με αρχές πιστοποίησης που εμπιστεύεται η εφαρμογή εκτός από αυτές του συστήματος, για διακομιστή με δικό του πιστοποιητικό. Προεπιλογή: η μεταβλητή περιβάλλοντος CIVICDESK_CA_CERTIFICATE.</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="37"/>
        <source>file</source>
        <translation>αρχείο</translation>
    </message>
    <message>
        <location filename="../client/app/commandlineoptions.cpp" line="75"/>
        <source>Cannot read the CA certificate file &quot;%1&quot; given by --ca-certificate or CIVICDESK_CA_CERTIFICATE.</source>
        <translation>Δεν είναι δυνατή η ανάγνωση του αρχείου πιστοποιητικού CA «%1» που δόθηκε με το --ca-certificate ή το CIVICDESK_CA_CERTIFICATE.</translation>
    </message>
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
    <name>CivicDesk::ConflictListModel</name>
    <message>
        <location filename="../client/widgets/conflictlistmodel.cpp" line="91"/>
        <source>Record</source>
        <translation>Εγγραφή</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictlistmodel.cpp" line="94"/>
        <source>Change</source>
        <extracomment>Column of the conflicts window: what the rejected edit did.</extracomment>
        <translation>Αλλαγή</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictlistmodel.cpp" line="100"/>
        <source>Made</source>
        <extracomment>Column of the conflicts window: when the person made the edit.</extracomment>
        <translation>Έγινε</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictlistmodel.cpp" line="102"/>
        <source>Reason</source>
        <translation>Αιτία</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictlistmodel.cpp" line="97"/>
        <source>Fields</source>
        <extracomment>Column of the conflicts window: the fields where the two versions differ.</extracomment>
        <translation>Πεδία</translation>
    </message>
</context>
<context>
    <name>CivicDesk::ConflictMergeDialog</name>
    <message>
        <location filename="../client/widgets/conflictmergedialog.cpp" line="36"/>
        <source>Merge Versions</source>
        <extracomment>Window title: merge the person&apos;s version of a rejected edit with the server&apos;s.</extracomment>
        <translation>Συγχώνευση εκδοχών</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictmergedialog.cpp" line="40"/>
        <source>%1: %2. Choose the version of each field to send, or write the merged text. Fields that are the same on both sides keep their value.</source>
        <translation>%1: %2. Επιλέξτε ποια εκδοχή κάθε πεδίου θα σταλεί ή γράψτε το συγχωνευμένο κείμενο. Τα πεδία που είναι ίδια και στις δύο πλευρές κρατούν την τιμή τους.</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictmergedialog.cpp" line="67"/>
        <source>&amp;Send Merged Version</source>
        <translation>&amp;Αποστολή συγχωνευμένης εκδοχής</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictmergedialog.cpp" line="69"/>
        <source>Cancel</source>
        <translation>Ακύρωση</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictmergedialog.cpp" line="86"/>
        <source>Yours: %1</source>
        <extracomment>A merge choice: the person&apos;s own value of a field.</extracomment>
        <translation>Δική σας: %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictmergedialog.cpp" line="89"/>
        <source>Server&apos;s: %1</source>
        <extracomment>A merge choice: the server&apos;s value of a field.</extracomment>
        <translation>Του διακομιστή: %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictmergedialog.cpp" line="117"/>
        <source>Your text:</source>
        <translation>Το κείμενό σας:</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictmergedialog.cpp" line="122"/>
        <source>Server&apos;s text:</source>
        <translation>Το κείμενο του διακομιστή:</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictmergedialog.cpp" line="127"/>
        <source>Text to send (edit it into one):</source>
        <translation>Κείμενο προς αποστολή (ενώστε τα σε ένα):</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictmergedialog.cpp" line="154"/>
        <source>Write the text of the note before sending it.</source>
        <translation>Γράψτε το κείμενο της σημείωσης πριν τη στείλετε.</translation>
    </message>
</context>
<context>
    <name>CivicDesk::ConflictTexts</name>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="67"/>
        <source>Case %1</source>
        <extracomment>A record in the conflicts window, such as &quot;Case CD-2024-000123&quot;.</extracomment>
        <translation>Υπόθεση %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="73"/>
        <source>Routing rule: %1</source>
        <extracomment>A record in the conflicts window, such as &quot;Routing rule: Potholes in Attica → Roads&quot;.</extracomment>
        <translation>Κανόνας δρομολόγησης: %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="76"/>
        <source>Priority weights</source>
        <translation>Βάρη προτεραιότητας</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="86"/>
        <source>New routing rule</source>
        <translation>Νέος κανόνας δρομολόγησης</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="88"/>
        <source>Retirement of the rule</source>
        <translation>Απόσυρση του κανόνα</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="88"/>
        <source>Rule change</source>
        <translation>Αλλαγή κανόνα</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="91"/>
        <source>New weights</source>
        <translation>Νέα βάρη</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="95"/>
        <source>Claim</source>
        <extracomment>An edit that took a case for oneself.</extracomment>
        <translation>Ανάληψη</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="98"/>
        <source>Assignment</source>
        <translation>Ανάθεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="101"/>
        <source>Status change</source>
        <translation>Αλλαγή κατάστασης</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="104"/>
        <source>Note</source>
        <translation>Σημείωση</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="107"/>
        <source>Category change</source>
        <translation>Αλλαγή κατηγορίας</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="110"/>
        <source>Unlinking from the duplicate</source>
        <translation>Αποσύνδεση από το διπλότυπο</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="118"/>
        <source>Assignee</source>
        <translation>Υπεύθυνος</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="119"/>
        <source>Status</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="120"/>
        <source>Category</source>
        <translation>Κατηγορία</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="121"/>
        <source>Duplicate of</source>
        <translation>Διπλότυπο της</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="124"/>
        <source>Area</source>
        <translation>Περιοχή</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="125"/>
        <source>Team</source>
        <translation>Ομάδα</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="126"/>
        <source>Precedence</source>
        <translation>Προτεραιότητα</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="127"/>
        <source>In force from</source>
        <translation>Ισχύει από</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="128"/>
        <source>In force until</source>
        <translation>Ισχύει έως</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="129"/>
        <source>Ageing curve</source>
        <translation>Καμπύλη παλαίωσης</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="138"/>
        <source>Weight: %1</source>
        <extracomment>A field of the priority weights: the weight of one factor, such as &quot;Weight: Category&quot;.</extracomment>
        <translation>Βάρος: %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="142"/>
        <source>Channel value: %1</source>
        <extracomment>A field of the priority weights: the value of one channel.</extracomment>
        <translation>Τιμή καναλιού: %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="145"/>
        <source>%1: %2</source>
        <extracomment>A field of the priority weights: a value table and its key, such as &quot;regionValues: 1&quot;.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="152"/>
        <source>(none on the server)</source>
        <extracomment>The server has no version of this field, as for a new note.</extracomment>
        <translation>(δεν υπάρχει στον διακομιστή)</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="158"/>
        <source>Nobody</source>
        <translation>Κανείς</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="166"/>
        <source>%1 (%2)</source>
        <extracomment>A case status with its pause reason in brackets, such as &quot;Waiting (Paused: …)&quot;.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="177"/>
        <source>Not a duplicate</source>
        <translation>Δεν είναι διπλότυπο</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="218"/>
        <source>%1, full value after %2 days</source>
        <extracomment>The ageing curve of the priority weights: its kind and the days to full value.</extracomment>
        <translation>%1, πλήρης τιμή μετά από %2 ημέρες</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="233"/>
        <source>You no longer have access to this record, or your role may not make this change, so it cannot be sent again. Dismiss it once you have noted it.</source>
        <translation>Δεν έχετε πλέον πρόσβαση σε αυτή την εγγραφή ή ο ρόλος σας δεν επιτρέπει αυτή την αλλαγή, οπότε δεν μπορεί να σταλεί ξανά. Παραβλέψτε την αφού τη σημειώσετε.</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflicttexts.cpp" line="236"/>
        <source>The record no longer exists on the server or in your local copy, so the change cannot be sent again. Dismiss it once you have noted it.</source>
        <translation>Η εγγραφή δεν υπάρχει πλέον στον διακομιστή ή στο τοπικό σας αντίγραφο, οπότε η αλλαγή δεν μπορεί να σταλεί ξανά. Παραβλέψτε την αφού τη σημειώσετε.</translation>
    </message>
</context>
<context>
    <name>CivicDesk::ConflictsDialog</name>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="176"/>
        <source>Conflicts</source>
        <extracomment>Window title of the list of edits the server rejected or that conflict with others.</extracomment>
        <translation>Διενέξεις αλλαγών</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="177"/>
        <source>The server did not accept these changes of yours. For each, keep your version, take the server&apos;s, or merge the two. Select several to keep or drop them together.</source>
        <translation>Ο διακομιστής δεν δέχτηκε αυτές τις αλλαγές σας. Για καθεμία, κρατήστε τη δική σας εκδοχή, κρατήστε του διακομιστή ή συγχωνεύστε τις δύο. Επιλέξτε πολλές για να τις κρατήσετε ή να τις αφήσετε μαζί.</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="181"/>
        <source>Field</source>
        <translation>Πεδίο</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="181"/>
        <source>Your version</source>
        <translation>Η εκδοχή σας</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="181"/>
        <source>Server&apos;s version</source>
        <translation>Η εκδοχή του διακομιστή</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="183"/>
        <source>&amp;Keep Mine</source>
        <extracomment>Sends the person&apos;s version of the selected edits again.</extracomment>
        <translation>&amp;Κράτηση της δικής μου</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="184"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Συγχώνευση…</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="185"/>
        <source>&amp;Close</source>
        <translation>Κ&amp;λείσιμο</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="258"/>
        <source>No rejected changes: everything you changed was accepted or is waiting to be sent.</source>
        <translation>Καμία απορριφθείσα αλλαγή: ό,τι αλλάξατε έγινε δεκτό ή περιμένει να σταλεί.</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="260"/>
        <source>Select a change to see both versions.</source>
        <translation>Επιλέξτε μια αλλαγή για να δείτε και τις δύο εκδοχές.</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="274"/>
        <source>%1: %2, made at %3 on version %4. The server is now at version %5.</source>
        <extracomment>Details of a rejected edit: record, what changed, when, and the two versions.</extracomment>
        <translation>%1: %2, στις %3, πάνω στην έκδοση %4. Ο διακομιστής είναι τώρα στην έκδοση %5.</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="281"/>
        <source>%1: %2, made at %3 on version %4. The record is no longer in your local copy.</source>
        <extracomment>Details of a rejected edit whose record is gone: record, what changed, when, version.</extracomment>
        <translation>%1: %2, στις %3, πάνω στην έκδοση %4. Η εγγραφή δεν υπάρχει πλέον στο τοπικό σας αντίγραφο.</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="288"/>
        <source>The server rejected it because %1. The server said: %2</source>
        <extracomment>Why the server rejected the edit, then the server&apos;s own message verbatim.</extracomment>
        <translation>Ο διακομιστής την απέρριψε επειδή %1. Ο διακομιστής απάντησε: %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="327"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Παράβλεψη</translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="327"/>
        <source>&amp;Take Server&apos;s</source>
        <translation>Κράτηση &amp;του διακομιστή</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/widgets/conflictsdialog.cpp" line="374"/>
        <source>%n change(s) cannot be sent again and wait to be dismissed.</source>
        <translation>
            <numerusform>%n αλλαγή δεν μπορεί να σταλεί ξανά και περιμένει παράβλεψη.</numerusform>
            <numerusform>%n αλλαγές δεν μπορούν να σταλούν ξανά και περιμένουν παράβλεψη.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/widgets/conflictsdialog.cpp" line="378"/>
        <source>The merged version is not valid, for example because a text is empty or too long. Nothing was changed.</source>
        <translation>Η συγχωνευμένη εκδοχή δεν είναι έγκυρη, για παράδειγμα επειδή ένα κείμενο είναι κενό ή πολύ μεγάλο. Δεν άλλαξε τίποτα.</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/widgets/conflictsdialog.cpp" line="382"/>
        <source>%n change(s) could not be resolved on this computer. Try again, or sign in again if it keeps failing.</source>
        <translation>
            <numerusform>%n αλλαγή δεν επιλύθηκε σε αυτόν τον υπολογιστή. Δοκιμάστε ξανά ή συνδεθείτε ξανά αν η αποτυχία επιμένει.</numerusform>
            <numerusform>%n αλλαγές δεν επιλύθηκαν σε αυτόν τον υπολογιστή. Δοκιμάστε ξανά ή συνδεθείτε ξανά αν η αποτυχία επιμένει.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CivicDesk::DisplayTexts</name>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="291"/>
        <source>An address that starts with ws:// is not encrypted and is allowed only for a server on this computer. Use the wss:// address of the server.</source>
        <translation>Μια διεύθυνση που αρχίζει με ws:// δεν είναι κρυπτογραφημένη και επιτρέπεται μόνο για διακομιστή σε αυτόν τον υπολογιστή. Χρησιμοποιήστε τη διεύθυνση wss:// του διακομιστή.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="294"/>
        <source>The CA certificate file given with --ca-certificate or CIVICDESK_CA_CERTIFICATE cannot be read or contains no certificate.</source>
        <translation>Το αρχείο πιστοποιητικού CA που δόθηκε με το --ca-certificate ή το CIVICDESK_CA_CERTIFICATE δεν διαβάζεται ή δεν περιέχει πιστοποιητικό.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="297"/>
        <source>The server&apos;s security certificate is not trusted or does not match its address, so CivicDesk did not connect. Ask your IT support for the server&apos;s CA certificate file.</source>
        <translation>Το πιστοποιητικό ασφαλείας του διακομιστή δεν είναι αξιόπιστο ή δεν αντιστοιχεί στη διεύθυνσή του, γι&apos; αυτό το CivicDesk δεν συνδέθηκε. Ζητήστε από την τεχνική υποστήριξη το αρχείο πιστοποιητικού CA του διακομιστή.</translation>
    </message>
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
        <location filename="../client/widgets/displaytexts.cpp" line="79"/>
        <source>Area</source>
        <extracomment>Priority factor: the weight of the case&apos;s regional unit or municipality.</extracomment>
        <translation>Τοπική περιοχή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="83"/>
        <source>Deadline</source>
        <extracomment>Priority factor: how close the case is to its resolution deadline.</extracomment>
        <translation>Προθεσμία</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="87"/>
        <source>Vulnerability</source>
        <extracomment>Priority factor: the citizen&apos;s vulnerability, such as old age or a disability.</extracomment>
        <translation>Ευαλωτότητα</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="91"/>
        <source>Duplicate reports</source>
        <extracomment>Priority factor: how many duplicate reports are linked to the case.</extracomment>
        <translation>Διπλές αναφορές</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="95"/>
        <source>Channel</source>
        <extracomment>Priority factor: the channel the case came in through (phone, portal, email…).</extracomment>
        <translation>Κανάλι</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="104"/>
        <source>Request</source>
        <extracomment>Timeline entry: the citizen&apos;s original request.</extracomment>
        <translation>Αίτημα</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="108"/>
        <source>Note</source>
        <extracomment>Timeline entry: an internal note by a civil servant.</extracomment>
        <translation>Σημείωση</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="112"/>
        <source>Status change</source>
        <extracomment>Timeline entry: the case&apos;s status changed.</extracomment>
        <translation>Αλλαγή κατάστασης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="116"/>
        <source>Assignment</source>
        <extracomment>Timeline entry: the case was assigned to someone.</extracomment>
        <translation>Ανάθεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="120"/>
        <source>Phone call</source>
        <extracomment>Timeline entry: a telephone call.</extracomment>
        <translation>Τηλεφώνημα</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="124"/>
        <location filename="../client/widgets/displaytexts.cpp" line="149"/>
        <source>E-mail</source>
        <extracomment>Timeline entry: an e-mail message.
----------
Channel through which a request arrived.</extracomment>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="128"/>
        <source>Chat</source>
        <extracomment>Timeline entry: a chat conversation.</extracomment>
        <translation>Συνομιλία</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="132"/>
        <source>Visit</source>
        <extracomment>Timeline entry: the citizen visited a service point.</extracomment>
        <translation>Επίσκεψη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="145"/>
        <source>Web portal</source>
        <extracomment>Channel through which a request arrived.</extracomment>
        <translation>Διαδικτυακή πύλη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="153"/>
        <source>Telephone</source>
        <extracomment>Channel through which a request arrived.</extracomment>
        <translation>Τηλέφωνο</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="157"/>
        <source>Service counter</source>
        <extracomment>Channel through which a request arrived: in person at a service point.</extracomment>
        <translation>Γκισέ εξυπηρέτησης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="161"/>
        <source>Data import</source>
        <extracomment>Channel through which a request arrived: loaded from an older system.</extracomment>
        <translation>Εισαγωγή δεδομένων</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="170"/>
        <source>Agent</source>
        <extracomment>Staff role.</extracomment>
        <translation>Υπάλληλος</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="174"/>
        <source>Supervisor</source>
        <extracomment>Staff role.</extracomment>
        <translation>Προϊστάμενος</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="178"/>
        <source>Administrator</source>
        <extracomment>Staff role.</extracomment>
        <translation>Διαχειριστής</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/widgets/displaytexts.cpp" line="190"/>
        <source>%n day(s)</source>
        <extracomment>Age of a case, such as &quot;3 days&quot;.</extracomment>
        <translation>
            <numerusform>%n ημέρα</numerusform>
            <numerusform>%n ημέρες</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="272"/>
        <source>The username or password is wrong. Check them and try again.</source>
        <translation>Το όνομα χρήστη ή ο κωδικός πρόσβασης είναι λάθος. Ελέγξτε τα και δοκιμάστε ξανά.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="274"/>
        <source>The server cannot be reached and this computer has no saved copy of your cases. Check the server address and your network connection.</source>
        <translation>Ο διακομιστής δεν είναι προσβάσιμος και σε αυτόν τον υπολογιστή δεν υπάρχει αποθηκευμένο αντίγραφο των υποθέσεών σας. Ελέγξτε τη διεύθυνση του διακομιστή και τη σύνδεσή σας στο δίκτυο.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="277"/>
        <source>This computer has no password store for the key of your local copy, so enter the cache passphrase.</source>
        <translation>Αυτός ο υπολογιστής δεν διαθέτει χώρο φύλαξης κωδικών για το κλειδί του τοπικού σας αντιγράφου, γι’ αυτό εισαγάγετε τη φράση πρόσβασης του αντιγράφου.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="280"/>
        <source>The cache passphrase does not unlock the local copy of your cases. Enter the passphrase you chose when you first signed in on this computer.</source>
        <translation>Η φράση πρόσβασης δεν ξεκλειδώνει το τοπικό αντίγραφο των υποθέσεών σας. Εισαγάγετε τη φράση που επιλέξατε την πρώτη φορά που συνδεθήκατε σε αυτόν τον υπολογιστή.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="283"/>
        <source>The local copy of your cases is damaged or cannot be decrypted. Ask your IT support to remove it. It is then fetched again from the server.</source>
        <translation>Το τοπικό αντίγραφο των υποθέσεών σας είναι κατεστραμμένο ή δεν μπορεί να αποκρυπτογραφηθεί. Ζητήστε από την υποστήριξη πληροφορικής να το διαγράψει. Στη συνέχεια θα ληφθεί ξανά από τον διακομιστή.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="286"/>
        <source>The server sent a reply this version of CivicDesk cannot read. Ask your IT support whether the client needs an update.</source>
        <translation>Ο διακομιστής έστειλε απάντηση που αυτή η έκδοση του CivicDesk δεν μπορεί να διαβάσει. Ρωτήστε την υποστήριξη πληροφορικής αν η εφαρμογή χρειάζεται ενημέρωση.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="289"/>
        <source>The server failed while signing you in. Try again in a few minutes.</source>
        <translation>Παρουσιάστηκε σφάλμα στον διακομιστή κατά τη σύνδεσή σας. Δοκιμάστε ξανά σε λίγα λεπτά.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="297"/>
        <source>someone else changed the case at the same time</source>
        <translation>κάποιος άλλος άλλαξε την υπόθεση την ίδια στιγμή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="300"/>
        <source>you are not allowed to make this change</source>
        <translation>δεν έχετε δικαίωμα να κάνετε αυτή την αλλαγή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="303"/>
        <source>the case no longer exists on the server</source>
        <translation>η υπόθεση δεν υπάρχει πλέον στον διακομιστή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="306"/>
        <source>the server found the change invalid</source>
        <translation>ο διακομιστής έκρινε την αλλαγή μη έγκυρη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="308"/>
        <source>the server refused the change (%1)</source>
        <translation>ο διακομιστής δεν δέχτηκε την αλλαγή (%1)</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="316"/>
        <source>Signed out</source>
        <extracomment>Connection state in the status bar.</extracomment>
        <translation>Έχετε αποσυνδεθεί</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="319"/>
        <source>Connecting…</source>
        <extracomment>Connection state in the status bar.</extracomment>
        <translation>Σύνδεση…</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="322"/>
        <source>Synchronising…</source>
        <extracomment>Connection state in the status bar.</extracomment>
        <translation>Συγχρονισμός…</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="325"/>
        <source>Online</source>
        <extracomment>Connection state in the status bar.</extracomment>
        <translation>Σε σύνδεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="328"/>
        <source>Offline</source>
        <extracomment>Connection state in the status bar: working from the local copy.</extracomment>
        <translation>Χωρίς σύνδεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="136"/>
        <source>Deadline reminder</source>
        <extracomment>Timeline entry: a warning that a case nears or passed its due time.</extracomment>
        <translation>Υπενθύμιση προθεσμίας</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="201"/>
        <source>%1 d %2 h</source>
        <extracomment>Time span in days and hours, such as &quot;2 d 3 h&quot;.</extracomment>
        <translation>%1 ημ. %2 ώρ.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="205"/>
        <source>%1 h</source>
        <extracomment>Time span in hours, such as &quot;5 h&quot;.</extracomment>
        <translation>%1 ώρ.</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="208"/>
        <source>%1 min</source>
        <extracomment>Time span in minutes, such as &quot;40 min&quot;.</extracomment>
        <translation>%1 λεπτά</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="217"/>
        <source>Paused</source>
        <extracomment>Time left of a case whose statutory clock is paused.</extracomment>
        <translation>Σε αναστολή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="225"/>
        <source>overdue %1</source>
        <extracomment>Time past the due time of a case, such as &quot;overdue 5 h&quot;.</extracomment>
        <translation>εκπρόθεσμο κατά %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="239"/>
        <source>Running</source>
        <extracomment>State of a case&apos;s statutory clock.</extracomment>
        <translation>Σε εξέλιξη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="243"/>
        <source>Stopped</source>
        <extracomment>State of a case&apos;s statutory clock after the case was resolved or closed.</extracomment>
        <translation>Σταμάτησε</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="247"/>
        <source>Paused: referred to another service</source>
        <extracomment>State of a case&apos;s statutory clock.</extracomment>
        <translation>Σε αναστολή: διαβιβάστηκε σε άλλη υπηρεσία</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="251"/>
        <source>Paused: waiting for the citizen</source>
        <extracomment>State of a case&apos;s statutory clock.</extracomment>
        <translation>Σε αναστολή: αναμονή του πολίτη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="182"/>
        <source>Rule %1: “%2” in any region → %3</source>
        <extracomment>Why a case is in its queue: rule number, category name and team name.</extracomment>
        <translation>Κανόνας %1: «%2» σε κάθε περιφέρεια → %3</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="151"/>
        <location filename="../client/widgets/displaytextsserver.cpp" line="190"/>
        <source>Rule %1: “%2” in region %3 → %4</source>
        <extracomment>Why a case is in its queue: rule number, category name, region name and team name.</extracomment>
        <translation>Κανόνας %1: «%2» στην περιφέρεια %3 → %4</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="141"/>
        <source>Rule %1: “%2” in municipality %3 → %4</source>
        <extracomment>Why a case is in its queue: rule id, category (and subcategory) name, municipality name and team name.</extracomment>
        <translation>Κανόνας %1: «%2» στον δήμο %3 → %4</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="147"/>
        <source>Rule %1: “%2” in regional unit %3 → %4</source>
        <extracomment>Why a case is in its queue: rule id, category (and subcategory) name, regional unit name and team name.</extracomment>
        <translation>Κανόνας %1: «%2» στην περιφερειακή ενότητα %3 → %4</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="168"/>
        <source>Rule %1: “%2” in any area → %3</source>
        <extracomment>Why a case is in its queue: rule id, category (and subcategory) name and team name.</extracomment>
        <translation>Κανόνας %1: «%2» σε οποιαδήποτε περιοχή → %3</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="198"/>
        <source>No rule for “%1” in region %2 → region triage %3</source>
        <extracomment>Why a case is in its queue: category name, region name and triage team name.</extracomment>
        <translation>Κανένας κανόνας για «%1» στην περιφέρεια %2 → διαλογή περιφέρειας: %3</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="206"/>
        <source>No rule or region team for “%1” → national triage %2</source>
        <extracomment>Why a case is in its queue: category name and national triage team name.</extracomment>
        <translation>Κανένας κανόνας ούτε ομάδα περιφέρειας για «%1» → κεντρική διαλογή: %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="215"/>
        <source>Confidence %1% below the threshold %2% for “%3”: sent for triage</source>
        <extracomment>Why a case is in its queue: the classifier&apos;s confidence and the category&apos;s threshold in percent, then the category name.</extracomment>
        <translation>Βεβαιότητα %1% κάτω από το όριο %2% για «%3»: στάλθηκε για διαλογή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="228"/>
        <source>nobody</source>
        <extracomment>Assignee of a case that was assigned to nobody.</extracomment>
        <translation>κανείς</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="237"/>
        <source>Warning: the first response deadline is near</source>
        <extracomment>Timeline entry of a case that nears its first-response deadline.</extracomment>
        <translation>Προειδοποίηση: πλησιάζει η προθεσμία πρώτης απάντησης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="241"/>
        <source>Warning: the next update to the citizen is due soon</source>
        <extracomment>Timeline entry of a case whose next update to the citizen is due soon.</extracomment>
        <translation>Προειδοποίηση: πλησιάζει η προθεσμία της επόμενης ενημέρωσης του πολίτη</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="241"/>
        <source>Warning: the resolution deadline is near</source>
        <extracomment>Timeline entry of a case that nears its resolution deadline.</extracomment>
        <translation>Προειδοποίηση: πλησιάζει η προθεσμία επίλυσης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="245"/>
        <source>First response deadline passed</source>
        <extracomment>Timeline entry of a case that passed its first-response deadline.</extracomment>
        <translation>Υπέρβαση προθεσμίας πρώτης απάντησης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="253"/>
        <source>Update deadline passed</source>
        <extracomment>Timeline entry of a case whose next update to the citizen is overdue.</extracomment>
        <translation>Υπέρβαση προθεσμίας ενημέρωσης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="249"/>
        <source>Resolution deadline passed</source>
        <extracomment>Timeline entry of a case that passed its resolution deadline.</extracomment>
        <translation>Υπέρβαση προθεσμίας επίλυσης</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="262"/>
        <source>Status: %1 → %2</source>
        <extracomment>Timeline entry: the case&apos;s status before and after the change.</extracomment>
        <translation>Κατάσταση: %1 → %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsserver.cpp" line="270"/>
        <source>Assignee: %1 → %2</source>
        <extracomment>Timeline entry: the username of the assignee before and after the change.</extracomment>
        <translation>Υπεύθυνος: %1 → %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsassignment.cpp" line="53"/>
        <source>Greek</source>
        <extracomment>The language an agent speaks, in &quot;agents who speak Greek&quot;.</extracomment>
        <translation>Ελληνικά</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsassignment.cpp" line="57"/>
        <source>English</source>
        <extracomment>The language an agent speaks, in &quot;agents who speak English&quot;.</extracomment>
        <translation>Αγγλικά</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/widgets/displaytextsassignment.cpp" line="80"/>
        <source>Assigned to %1: fewest open cases (%2, no limit) among %n agent(s) who speak %3 and handle “%4”</source>
        <extracomment>Why a case has its assignee: username, the agent&apos;s open cases, how many agents fit, the language they speak and the category name. The agent has no case limit.</extracomment>
        <translation>
            <numerusform>Ανατέθηκε σε %1: λιγότερες ανοιχτές υποθέσεις (%2, χωρίς όριο) ανάμεσα σε %n υπάλληλο που μιλά %3 και χειρίζεται «%4»</numerusform>
            <numerusform>Ανατέθηκε σε %1: λιγότερες ανοιχτές υποθέσεις (%2, χωρίς όριο) ανάμεσα σε %n υπαλλήλους που μιλούν %3 και χειρίζονται «%4»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../client/widgets/displaytextsassignment.cpp" line="87"/>
        <source>Assigned to %1: fewest open cases (%2 of %3) among %n agent(s) who speak %4 and handle “%5”</source>
        <extracomment>Why a case has its assignee: username, the agent&apos;s open cases and case limit, how many agents fit, the language they speak and the category name.</extracomment>
        <translation>
            <numerusform>Ανατέθηκε σε %1: λιγότερες ανοιχτές υποθέσεις (%2 από %3) ανάμεσα σε %n υπάλληλο που μιλά %4 και χειρίζεται «%5»</numerusform>
            <numerusform>Ανατέθηκε σε %1: λιγότερες ανοιχτές υποθέσεις (%2 από %3) ανάμεσα σε %n υπαλλήλους που μιλούν %4 και χειρίζονται «%5»</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsassignment.cpp" line="100"/>
        <source>Team queue: the team claims its cases</source>
        <extracomment>Why a case waits in its team&apos;s queue.</extracomment>
        <translation>Ουρά ομάδας: τα μέλη της ομάδας αναλαμβάνουν μόνα τους τις υποθέσεις</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsassignment.cpp" line="111"/>
        <source>Team queue: no agent speaks %1, handles “%2” and has room for more cases</source>
        <extracomment>Why a case waits in its team&apos;s queue: a language and a category name.</extracomment>
        <translation>Ουρά ομάδας: κανένας υπάλληλος που μιλά %1 και χειρίζεται «%2» δεν έχει χώρο για άλλες υποθέσεις</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsassignment.cpp" line="118"/>
        <source>Claimed by %1</source>
        <extracomment>Why a case has its assignee: the username of the agent who claimed it.</extracomment>
        <translation>Την ανέλαβε ο/η %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsassignment.cpp" line="124"/>
        <source>Assigned to %1 by %2</source>
        <extracomment>Why a case has its assignee: the assignee&apos;s and then the assigning user&apos;s username.</extracomment>
        <translation>Ανατέθηκε σε %1 από %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsassignment.cpp" line="138"/>
        <source>Duplicate of %1</source>
        <extracomment>Timeline entry of a report linked to an earlier open case; the case number.</extracomment>
        <translation>Διπλή αναφορά της %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsassignment.cpp" line="142"/>
        <source>Linked duplicate report %1</source>
        <extracomment>Timeline entry of a case that another report was linked to; that report&apos;s number.</extracomment>
        <translation>Συνδέθηκε η διπλή αναφορά %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytextsassignment.cpp" line="145"/>
        <source>Unlinked from %1</source>
        <extracomment>Timeline entry of a duplicate link removed; the number of the other case.</extracomment>
        <translation>Αποσυνδέθηκε από την %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="316"/>
        <source>someone else changed the routing rule at the same time</source>
        <translation>κάποιος άλλος άλλαξε τον κανόνα δρομολόγησης την ίδια στιγμή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="319"/>
        <source>the routing rule no longer exists on the server</source>
        <translation>ο κανόνας δρομολόγησης δεν υπάρχει πλέον στον διακομιστή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="322"/>
        <source>someone else changed the priority weights at the same time</source>
        <translation>κάποιος άλλος άλλαξε τα βάρη προτεραιότητας την ίδια στιγμή</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="350"/>
        <source>Offline, server busy</source>
        <extracomment>Connection state in the status bar: the server is too busy to sign anyone in now.</extracomment>
        <translation>Χωρίς σύνδεση, διακομιστής απασχολημένος</translation>
    </message>
    <message>
        <location filename="../client/widgets/displaytexts.cpp" line="356"/>
        <source>The server is busy. CivicDesk tries again by itself shortly, so keep this window open.</source>
        <extracomment>Sign-in window: the server is full or busy checking other sign-ins.</extracomment>
        <translation>Ο διακομιστής είναι απασχολημένος. Το CivicDesk θα προσπαθήσει ξανά μόνο του σε λίγο, οπότε αφήστε αυτό το παράθυρο ανοιχτό.</translation>
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
        <location filename="../client/widgets/mainwindowmenus.cpp" line="75"/>
        <source>CivicDesk</source>
        <translation>CivicDesk</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="76"/>
        <source>&amp;File</source>
        <translation>&amp;Αρχείο</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="77"/>
        <source>Sign &amp;Out</source>
        <translation>&amp;Αποσύνδεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="78"/>
        <source>&amp;Quit</source>
        <translation>&amp;Έξοδος</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="79"/>
        <source>&amp;View</source>
        <translation>&amp;Προβολή</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="80"/>
        <source>&amp;Language</source>
        <translation>&amp;Γλώσσα</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="82"/>
        <source>&amp;Citizen</source>
        <extracomment>Menu holding the search for citizens and organisations.</extracomment>
        <translation>Π&amp;ολίτης</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="83"/>
        <source>&amp;Find Citizen…</source>
        <translation>&amp;Αναζήτηση πολίτη…</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="85"/>
        <source>&amp;Supervision</source>
        <extracomment>Menu of the tools for supervisors and administrators.</extracomment>
        <translation>&amp;Εποπτεία</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="86"/>
        <source>&amp;Routing Rules…</source>
        <translation>&amp;Κανόνες δρομολόγησης…</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="87"/>
        <source>&amp;Priority Weights…</source>
        <translation>&amp;Βάρη Προτεραιότητας…</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="88"/>
        <source>&amp;Help</source>
        <translation>Βοή&amp;θεια</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="89"/>
        <source>&amp;About CivicDesk</source>
        <translation>&amp;Σχετικά με το CivicDesk</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="90"/>
        <source>Show &amp;closed cases</source>
        <translation>Εμφάνιση &amp;κλειστών υποθέσεων</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="165"/>
        <source>About CivicDesk</source>
        <translation>Σχετικά με το CivicDesk</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="166"/>
        <source>CivicDesk %1 is the desktop client that civil servants use to handle citizens&apos; requests, with a local encrypted copy of their cases that keeps working offline.</source>
        <translation>Το CivicDesk %1 είναι η εφαρμογή με την οποία οι δημόσιοι υπάλληλοι χειρίζονται τα αιτήματα των πολιτών. Κρατά κρυπτογραφημένο τοπικό αντίγραφο των υποθέσεών τους, ώστε να λειτουργεί και χωρίς σύνδεση.</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="171"/>
        <source>Close</source>
        <translation>Κλείσιμο</translation>
    </message>
    <message>
        <location filename="../client/widgets/mainwindowmenus.cpp" line="81"/>
        <source>&amp;Conflicts…</source>
        <extracomment>Menu item opening the list of edits the server rejected, to resolve them.</extracomment>
        <translation>&amp;Διενέξεις αλλαγών…</translation>
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
    <name>CivicDesk::PriorityReplayWidget</name>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="55"/>
        <source>%1: %2 → %3</source>
        <extracomment>A case&apos;s move in a replayed queue: case number, old rank and new rank.</extracomment>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="84"/>
        <source> days</source>
        <extracomment>Suffix of the replay window, such as &quot;30 days&quot;.</extracomment>
        <translation> ημέρες</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="86"/>
        <source>&amp;Replay</source>
        <extracomment>Button that scores the open cases under the current and the edited weights.</extracomment>
        <translation>&amp;Προσομοίωση</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="90"/>
        <source>Open cases created in the last</source>
        <extracomment>Before the spin box of the replay window: &quot;Open cases created in the last 30 days&quot;.</extracomment>
        <translation>Ανοιχτές υποθέσεις που δημιουργήθηκαν τις τελευταίες</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="97"/>
        <source>Count back from the newest open case instead of now</source>
        <extracomment>Replay option for a cache of old cases: the window ends at the newest open case.</extracomment>
        <translation>Μέτρηση προς τα πίσω από την πιο πρόσφατη ανοιχτή υπόθεση αντί για την τρέχουσα στιγμή</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="106"/>
        <source>Queue</source>
        <extracomment>Column headers of the replay summary per queue; τ is Kendall&apos;s rank correlation.</extracomment>
        <translation>Ουρά</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="106"/>
        <source>Cases</source>
        <translation>Υποθέσεις</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="106"/>
        <source>Rank changes</source>
        <translation>Αλλαγές θέσης</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="107"/>
        <source>Kendall&apos;s τ</source>
        <translation>τ του Kendall</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="107"/>
        <source>Largest rise</source>
        <translation>Μεγαλύτερη άνοδος</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="107"/>
        <source>Largest fall</source>
        <translation>Μεγαλύτερη πτώση</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="116"/>
        <source>Case</source>
        <extracomment>Column headers of the cases whose rank changes in a replayed queue.</extracomment>
        <translation>Υπόθεση</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="116"/>
        <source>Text</source>
        <translation>Κείμενο</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="116"/>
        <source>Old rank</source>
        <translation>Παλιά θέση</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="116"/>
        <source>New rank</source>
        <translation>Νέα θέση</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="117"/>
        <source>Move</source>
        <translation>Μετακίνηση</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="117"/>
        <source>Old score</source>
        <translation>Παλιά βαθμολογία</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="117"/>
        <source>New score</source>
        <translation>Νέα βαθμολογία</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="149"/>
        <source>%n open case(s) replayed; %1 change rank. Queues: %2. Took %3 ms.</source>
        <extracomment>Replay result: open cases scored, how many change rank, queues, time taken.</extracomment>
        <translation>
            <numerusform>Προσομοιώθηκε %n ανοιχτή υπόθεση· %1 αλλάζουν θέση. Ουρές: %2. Χρόνος: %3 ms.</numerusform>
            <numerusform>Προσομοιώθηκαν %n ανοιχτές υποθέσεις· %1 αλλάζουν θέση. Ουρές: %2. Χρόνος: %3 ms.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="155"/>
        <source>The newest open case was created on %1: count back from it to replay older cases.</source>
        <extracomment>After an empty replay; %1 is the date of the newest open case in the local copy.</extracomment>
        <translation>Η πιο πρόσφατη ανοιχτή υπόθεση δημιουργήθηκε στις %1: μετρήστε προς τα πίσω από αυτήν για να προσομοιώσετε παλαιότερες υποθέσεις.</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityreplaywidget.cpp" line="176"/>
        <source>No team</source>
        <extracomment>A replayed queue whose team is not in the cache, or cases without a team.</extracomment>
        <translation>Χωρίς ομάδα</translation>
    </message>
</context>
<context>
    <name>CivicDesk::PriorityWeightsDialog</name>
    <message>
        <location filename="../client/widgets/priorityweightsdialog.cpp" line="47"/>
        <source>Priority Weights</source>
        <extracomment>Window title of the priority weights editor.</extracomment>
        <translation>Βάρη Προτεραιότητας</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightsdialog.cpp" line="58"/>
        <source>Replay: how the edit reorders the queues</source>
        <extracomment>Group showing how the edited weights would reorder the queues.</extracomment>
        <translation>Προσομοίωση: πώς η αλλαγή αναδιατάσσει τις ουρές</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightsdialog.cpp" line="75"/>
        <source>&amp;Close</source>
        <translation>&amp;Κλείσιμο</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightsdialog.cpp" line="77"/>
        <source>Re&amp;load</source>
        <extracomment>Loads the weights in force from the server&apos;s last copy, dropping unsaved edits.</extracomment>
        <translation>Επανα&amp;φόρτωση</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightsdialog.cpp" line="79"/>
        <source>&amp;Save</source>
        <translation>&amp;Αποθήκευση</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightsdialog.cpp" line="142"/>
        <source>Cannot save: %1</source>
        <extracomment>The edited weights are invalid; the reason names the field (in English).</extracomment>
        <translation>Δεν είναι δυνατή η αποθήκευση: %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightsdialog.cpp" line="148"/>
        <source>Cannot save: the edit could not be queued.</source>
        <translation>Δεν είναι δυνατή η αποθήκευση: η αλλαγή δεν μπήκε στην ουρά αποστολής.</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightsdialog.cpp" line="155"/>
        <source>Waiting for the server…</source>
        <extracomment>The weights were queued and the server has not replied yet.</extracomment>
        <translation>Αναμονή για τον διακομιστή…</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightsdialog.cpp" line="169"/>
        <source>Saved. The server scores the open cases again with the new weights.</source>
        <extracomment>The server accepted the new weights and scores the open cases again.</extracomment>
        <translation>Αποθηκεύτηκε. Ο διακομιστής βαθμολογεί ξανά τις ανοιχτές υποθέσεις με τα νέα βάρη.</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightsdialog.cpp" line="185"/>
        <source>Someone else changed the weights while you were editing. Your edits are still in the form and now apply to their version: check the replay and save again, or reload to see theirs. The server said: %1</source>
        <extracomment>Save conflict; the server&apos;s message follows verbatim.</extracomment>
        <translation>Κάποιος άλλος άλλαξε τα βάρη όσο τα επεξεργαζόσασταν. Οι αλλαγές σας παραμένουν στη φόρμα και εφαρμόζονται πλέον στη δική του έκδοση: ελέγξτε την προσομοίωση και αποθηκεύστε ξανά, ή επαναφορτώστε για να δείτε τη δική του. Ο διακομιστής απάντησε: %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightsdialog.cpp" line="193"/>
        <source>The server refused the weights: %1</source>
        <extracomment>The server refused the weights; its message follows verbatim.</extracomment>
        <translation>Ο διακομιστής απέρριψε τα βάρη: %1</translation>
    </message>
</context>
<context>
    <name>CivicDesk::PriorityWeightsEditor</name>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="30"/>
        <source>How urgent the case&apos;s category is (values below).</source>
        <translation>Πόσο επείγει η κατηγορία της υπόθεσης (τιμές παρακάτω).</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="33"/>
        <source>The value of the case&apos;s region (values below).</source>
        <translation>Η τιμή της περιφέρειας της υπόθεσης (τιμές παρακάτω).</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="36"/>
        <source>The value of the case&apos;s regional unit or municipality.</source>
        <translation>Η τιμή της περιφερειακής ενότητας ή του δήμου της υπόθεσης.</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="39"/>
        <source>How long the case has been open, on the ageing curve.</source>
        <translation>Πόσο καιρό είναι ανοιχτή η υπόθεση, πάνω στην καμπύλη παλαίωσης.</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="42"/>
        <source>How close the resolution deadline is; an overdue case counts in full.</source>
        <translation>Πόσο κοντά είναι η προθεσμία επίλυσης· μια εκπρόθεσμη υπόθεση μετρά πλήρως.</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="46"/>
        <source>The highest value among the citizen&apos;s flags (below).</source>
        <translation>Η μεγαλύτερη τιμή ανάμεσα στις ενδείξεις του πολίτη (παρακάτω).</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="49"/>
        <source>Duplicate reports linked to the case, counted up to 10.</source>
        <translation>Οι διπλές αναφορές που συνδέθηκαν με την υπόθεση, έως 10.</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="51"/>
        <source>The value of the channel the case came through (below).</source>
        <translation>Η τιμή του καναλιού από το οποίο ήρθε η υπόθεση (παρακάτω).</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="58"/>
        <source>Elderly</source>
        <extracomment>Vulnerability flag of a citizen.</extracomment>
        <translation>Ηλικιωμένος</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="62"/>
        <source>Disability</source>
        <extracomment>Vulnerability flag of a citizen.</extracomment>
        <translation>Αναπηρία</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="66"/>
        <source>Low income</source>
        <extracomment>Vulnerability flag of a citizen.</extracomment>
        <translation>Χαμηλό εισόδημα</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="70"/>
        <source>Single parent</source>
        <extracomment>Vulnerability flag of a citizen.</extracomment>
        <translation>Μονογονέας</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="94"/>
        <source>Factor weights (0 to 100)</source>
        <extracomment>Group of the eight spin boxes that weigh each priority factor.</extracomment>
        <translation>Βάρη παραγόντων (0 έως 100)</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="118"/>
        <source>Ageing curve</source>
        <extracomment>Group of the settings of the time-open factor.</extracomment>
        <translation>Καμπύλη παλαίωσης</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="123"/>
        <source>Linear</source>
        <extracomment>Ageing curve: the value grows evenly until the cap.</extracomment>
        <translation>Γραμμική</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="125"/>
        <source>Logarithmic</source>
        <extracomment>Ageing curve: the value grows fast at first, then slower.</extracomment>
        <translation>Λογαριθμική</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="127"/>
        <source>Steps</source>
        <extracomment>Ageing curve: the value rises in four steps up to the cap.</extracomment>
        <translation>Σε σκαλοπάτια</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="132"/>
        <source> days</source>
        <extracomment>Suffix of the cap of the ageing curve, such as &quot;30 days&quot;.</extracomment>
        <translation> ημέρες</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="135"/>
        <source>Curve:</source>
        <translation>Καμπύλη:</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="137"/>
        <source>Full value after:</source>
        <extracomment>The age at which a case&apos;s time-open value reaches its maximum.</extracomment>
        <translation>Πλήρης τιμή μετά από:</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="149"/>
        <source>Categories</source>
        <extracomment>Tab of the value per case category.</extracomment>
        <translation>Κατηγορίες</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="151"/>
        <source>Channels</source>
        <extracomment>Tab of the value per channel.</extracomment>
        <translation>Κανάλια</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="153"/>
        <source>Vulnerabilities</source>
        <extracomment>Tab of the value per vulnerability flag of a citizen.</extracomment>
        <translation>Ευαλωτότητες</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="155"/>
        <source>Regions</source>
        <extracomment>Tab of the value per region.</extracomment>
        <translation>Περιφέρειες</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="164"/>
        <source>Name</source>
        <extracomment>Column headers of a table of priority values: the thing valued, its value.</extracomment>
        <translation>Όνομα</translation>
    </message>
    <message>
        <location filename="../client/widgets/priorityweightseditor.cpp" line="164"/>
        <source>Value</source>
        <translation>Τιμή</translation>
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
    <name>CivicDesk::RoutingRuleCheck</name>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="59"/>
        <source>Precedence must be from -1000 to 1000.</source>
        <translation>Η προτεραιότητα πρέπει να είναι από -1000 έως 1000.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="64"/>
        <source>The note is longer than 500 characters.</source>
        <translation>Η σημείωση ξεπερνά τους 500 χαρακτήρες.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="79"/>
        <source>Choose a category.</source>
        <translation>Επιλέξτε κατηγορία.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="83"/>
        <source>“%1” is not a known category.</source>
        <translation>Η «%1» δεν είναι γνωστή κατηγορία.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="95"/>
        <source>“%1” is not a subcategory of the chosen category.</source>
        <translation>Η «%1» δεν είναι υποκατηγορία της επιλεγμένης κατηγορίας.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="122"/>
        <source>Only administrators may write rules for any area. Choose a region, regional unit or municipality.</source>
        <translation>Μόνο οι διαχειριστές γράφουν κανόνες για οποιαδήποτε περιοχή. Επιλέξτε περιφέρεια, περιφερειακή ενότητα ή δήμο.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="128"/>
        <source>Choose an area level.</source>
        <translation>Επιλέξτε επίπεδο περιοχής.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="131"/>
        <source>Choose an area from the list.</source>
        <translation>Επιλέξτε περιοχή από τη λίστα.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="135"/>
        <source>“%1” is not a known area of this level.</source>
        <translation>Το «%1» δεν είναι γνωστή περιοχή αυτού του επιπέδου.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="142"/>
        <source>This area lies outside the regions of your teams.</source>
        <translation>Η περιοχή βρίσκεται εκτός των περιφερειών των ομάδων σας.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="150"/>
        <source>Choose a team, or enter a team code.</source>
        <translation>Επιλέξτε ομάδα ή πληκτρολογήστε κωδικό ομάδας.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="156"/>
        <source>The chosen team is not known.</source>
        <translation>Η επιλεγμένη ομάδα δεν είναι γνωστή.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="164"/>
        <source>No team has the code “%1”.</source>
        <translation>Καμία ομάδα δεν έχει τον κωδικό «%1».</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="165"/>
        <source>No team in the area&apos;s region has the code “%1”.</source>
        <translation>Καμία ομάδα στην περιφέρεια της περιοχής δεν έχει τον κωδικό «%1».</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="174"/>
        <source>Enter the date and time the rule starts.</source>
        <translation>Δώστε την ημερομηνία και ώρα έναρξης του κανόνα.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="178"/>
        <source>The end must come after the start.</source>
        <translation>Η λήξη πρέπει να είναι μετά την έναρξη.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulecheck.cpp" line="191"/>
        <source>Rule %1 has the same category, area and precedence in an overlapping period. Change the precedence or the dates.</source>
        <extracomment>%1 is the short id of another routing rule.</extracomment>
        <translation>Ο κανόνας %1 έχει την ίδια κατηγορία, περιοχή και προτεραιότητα σε επικαλυπτόμενη περίοδο. Αλλάξτε την προτεραιότητα ή τις ημερομηνίες.</translation>
    </message>
</context>
<context>
    <name>CivicDesk::RoutingRuleEditor</name>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="210"/>
        <source>New Routing Rule</source>
        <translation>Νέος κανόνας δρομολόγησης</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="210"/>
        <source>Edit Routing Rule</source>
        <translation>Επεξεργασία κανόνα δρομολόγησης</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="211"/>
        <source>&amp;Category:</source>
        <translation>&amp;Κατηγορία:</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="212"/>
        <source>&amp;Subcategory:</source>
        <translation>&amp;Υποκατηγορία:</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="213"/>
        <source>Area &amp;level:</source>
        <translation>&amp;Επίπεδο περιοχής:</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="214"/>
        <source>&amp;Area:</source>
        <translation>&amp;Περιοχή:</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="215"/>
        <source>Te&amp;am:</source>
        <translation>Ο&amp;μάδα:</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="216"/>
        <source>&amp;Precedence:</source>
        <translation>Προτε&amp;ραιότητα:</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="217"/>
        <source>Effective &amp;from:</source>
        <translation>Ισχύει &amp;από:</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="218"/>
        <source>Effective &amp;to:</source>
        <translation>Ισχύει έ&amp;ως:</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="219"/>
        <source>&amp;Note:</source>
        <translation>&amp;Σημείωση:</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="224"/>
        <source>Type a name in Greek or English</source>
        <extracomment>Placeholder of the area field of a routing rule.</extracomment>
        <translation>Πληκτρολογήστε όνομα στα ελληνικά ή στα αγγλικά</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="226"/>
        <source>Team</source>
        <extracomment>Radio button: route to a chosen team.</extracomment>
        <translation>Ομάδα</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="228"/>
        <source>By code</source>
        <extracomment>Radio button: route to the team with this code in the case&apos;s region.</extracomment>
        <translation>Με κωδικό</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="229"/>
        <source>Team code</source>
        <translation>Κωδικός ομάδας</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="230"/>
        <source>When two rules match equally well, the higher precedence wins. From -1000 to 1000.</source>
        <translation>Όταν δύο κανόνες ταιριάζουν εξίσου, υπερισχύει η μεγαλύτερη προτεραιότητα. Από -1000 έως 1000.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="233"/>
        <source>Ends</source>
        <extracomment>Check box: the routing rule has an end date.</extracomment>
        <translation>Λήγει</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="234"/>
        <source>Why the rule exists or changed (up to 500 characters)</source>
        <translation>Γιατί υπάρχει ή άλλαξε ο κανόνας (έως 500 χαρακτήρες)</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="235"/>
        <source>&amp;Save</source>
        <translation>Απο&amp;θήκευση</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="236"/>
        <source>Close</source>
        <translation>Κλείσιμο</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditor.cpp" line="239"/>
        <location filename="../client/widgets/routingruleeditor.cpp" line="262"/>
        <source>(whole category)</source>
        <extracomment>No subcategory: the rule applies to the whole category.</extracomment>
        <translation>(όλη η κατηγορία)</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditorsave.cpp" line="140"/>
        <source>Correct the fields marked above, then save again.</source>
        <translation>Διορθώστε τα πεδία που σημειώνονται παραπάνω και αποθηκεύστε ξανά.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditorsave.cpp" line="152"/>
        <source>The rule could not be saved on this computer. Sign in again and retry.</source>
        <translation>Ο κανόνας δεν αποθηκεύτηκε σε αυτόν τον υπολογιστή. Συνδεθείτε ξανά και δοκιμάστε πάλι.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditorsave.cpp" line="195"/>
        <source>The server rejected the rule: %1</source>
        <extracomment>%1 is the server&apos;s own explanation, shown as it came.</extracomment>
        <translation>Ο διακομιστής απέρριψε τον κανόνα: %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditorsave.cpp" line="202"/>
        <source>Waiting for the server…</source>
        <translation>Αναμονή για τον διακομιστή…</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruleeditorsave.cpp" line="204"/>
        <source>You are offline. The rule is queued on this computer and will be sent when the connection returns.</source>
        <translation>Είστε εκτός σύνδεσης. Ο κανόνας περιμένει σε αυτόν τον υπολογιστή και θα σταλεί όταν επανέλθει η σύνδεση.</translation>
    </message>
</context>
<context>
    <name>CivicDesk::RoutingRuleTexts</name>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="71"/>
        <source>Active</source>
        <extracomment>State of a routing rule that applies now.</extracomment>
        <translation>Ενεργός</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="74"/>
        <location filename="../client/widgets/routingruletexts.cpp" line="108"/>
        <source>Retired</source>
        <extracomment>State of a routing rule that was retired and never applies again.
----------
History entry: a routing rule was retired.</extracomment>
        <translation>Αποσύρθηκε</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="77"/>
        <source>Future</source>
        <extracomment>State of a routing rule whose start date is still ahead.</extracomment>
        <translation>Μελλοντικός</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="80"/>
        <source>Ended</source>
        <extracomment>State of a routing rule whose end date has passed.</extracomment>
        <translation>Έληξε</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="88"/>
        <source>Region</source>
        <translation>Περιφέρεια</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="91"/>
        <source>Regional unit</source>
        <translation>Περιφερειακή ενότητα</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="94"/>
        <source>Municipality</source>
        <translation>Δήμος</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="97"/>
        <source>Any area</source>
        <extracomment>Area level of a routing rule that applies everywhere.</extracomment>
        <translation>Οποιαδήποτε περιοχή</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="104"/>
        <source>Created</source>
        <extracomment>History entry: a routing rule was created.</extracomment>
        <translation>Δημιουργήθηκε</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="111"/>
        <source>Changed</source>
        <extracomment>History entry: a routing rule was changed.</extracomment>
        <translation>Άλλαξε</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="137"/>
        <source>everywhere</source>
        <extracomment>The area of a routing rule for any area.</extracomment>
        <translation>παντού</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="146"/>
        <source>code %1 in the case&apos;s region</source>
        <extracomment>A routing rule&apos;s team given by code: the team with this code in the case&apos;s region.</extracomment>
        <translation>κωδικός %1 στην περιφέρεια της υπόθεσης</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="157"/>
        <source>%1 in any area → %2</source>
        <extracomment>Summary of a routing rule for any area: category and team.</extracomment>
        <translation>%1 σε οποιαδήποτε περιοχή → %2</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="160"/>
        <source>%1 in %2 → %3</source>
        <extracomment>Summary of a routing rule: category, area and team.</extracomment>
        <translation>%1 σε %2 → %3</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="174"/>
        <source>category</source>
        <translation>κατηγορία</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="175"/>
        <source>subcategory</source>
        <translation>υποκατηγορία</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="176"/>
        <source>area</source>
        <translation>περιοχή</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="177"/>
        <source>team</source>
        <translation>ομάδα</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="178"/>
        <source>precedence</source>
        <translation>προτεραιότητα</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="180"/>
        <source>from</source>
        <translation>από</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="181"/>
        <source>to</source>
        <translation>έως</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="186"/>
        <source>no changes</source>
        <extracomment>History entry of a routing rule saved without changes.</extracomment>
        <translation>χωρίς αλλαγές</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingruletexts.cpp" line="192"/>
        <source>note: %1</source>
        <extracomment>History of a routing rule: the note saved with a change.</extracomment>
        <translation>σημείωση: %1</translation>
    </message>
</context>
<context>
    <name>CivicDesk::RoutingRulesDialog</name>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="151"/>
        <source>Routing Rules</source>
        <translation>Κανόνες δρομολόγησης</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="152"/>
        <source>&amp;Rules</source>
        <translation>&amp;Κανόνες</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="153"/>
        <source>&amp;History</source>
        <translation>&amp;Ιστορικό</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="155"/>
        <source>Filter by category, area, team or state</source>
        <extracomment>Placeholder of the filter over the routing rules and their history.</extracomment>
        <translation>Φιλτράρισμα κατά κατηγορία, περιοχή, ομάδα ή κατάσταση</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="156"/>
        <source>&amp;Add…</source>
        <translation>&amp;Προσθήκη…</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="157"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Επεξεργασία…</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="158"/>
        <source>Re&amp;tire…</source>
        <translation>Α&amp;πόσυρση…</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="159"/>
        <source>Category</source>
        <translation>Κατηγορία</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="159"/>
        <source>Subcategory</source>
        <translation>Υποκατηγορία</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="160"/>
        <source>Area level</source>
        <translation>Επίπεδο περιοχής</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="160"/>
        <source>Area</source>
        <translation>Περιοχή</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="160"/>
        <source>Team</source>
        <translation>Ομάδα</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="160"/>
        <source>Precedence</source>
        <translation>Προτεραιότητα</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="160"/>
        <source>Effective from</source>
        <translation>Ισχύει από</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="161"/>
        <source>Effective to</source>
        <translation>Ισχύει έως</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="161"/>
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="164"/>
        <source>Time</source>
        <extracomment>Column titles of the routing rule history.</extracomment>
        <translation>Ώρα</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="164"/>
        <source>Person</source>
        <translation>Πρόσωπο</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="164"/>
        <source>Action</source>
        <translation>Ενέργεια</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="164"/>
        <source>Rule</source>
        <translation>Κανόνας</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="164"/>
        <source>Changes</source>
        <translation>Αλλαγές</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="172"/>
        <source>You are offline. Rule changes are queued on this computer and sent when the connection returns; the table shows them once the server has applied them.</source>
        <translation>Είστε εκτός σύνδεσης. Οι αλλαγές κανόνων περιμένουν σε αυτόν τον υπολογιστή και στέλνονται όταν επανέλθει η σύνδεση· ο πίνακας τις δείχνει μόλις τις εφαρμόσει ο διακομιστής.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="218"/>
        <source>The server saved the rule.</source>
        <extracomment>Status line after the server applied a routing rule.</extracomment>
        <translation>Ο διακομιστής αποθήκευσε τον κανόνα.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="231"/>
        <source>Retire Routing Rule</source>
        <translation>Απόσυρση κανόνα δρομολόγησης</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="232"/>
        <source>Why is the rule retired? The note is kept in the rule&apos;s history.</source>
        <translation>Γιατί αποσύρεται ο κανόνας; Η σημείωση κρατιέται στο ιστορικό του κανόνα.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="241"/>
        <source>Enter a note of 1 to 500 characters to retire a rule.</source>
        <translation>Για να αποσύρετε κανόνα, γράψτε σημείωση από 1 έως 500 χαρακτήρες.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="256"/>
        <source>Waiting for the server…</source>
        <translation>Αναμονή για τον διακομιστή…</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="257"/>
        <source>You are offline. The retirement is queued and will be sent when the connection returns.</source>
        <translation>Είστε εκτός σύνδεσης. Η απόσυρση περιμένει και θα σταλεί όταν επανέλθει η σύνδεση.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="270"/>
        <source>The server retired the rule.</source>
        <extracomment>Status line after the server applied the retirement of a routing rule.</extracomment>
        <translation>Ο διακομιστής απέσυρε τον κανόνα.</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialog.cpp" line="286"/>
        <source>The server rejected the retirement of the rule: %1</source>
        <extracomment>%1 is the server&apos;s own explanation, shown as it came.</extracomment>
        <translation>Ο διακομιστής απέρριψε την απόσυρση του κανόνα: %1</translation>
    </message>
    <message>
        <location filename="../client/widgets/routingrulesdialogmodels.cpp" line="109"/>
        <source>Importer</source>
        <extracomment>The person column of a history entry written by the data importer.</extracomment>
        <translation>Εισαγωγή δεδομένων</translation>
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
    <message>
        <location filename="../client/widgets/sessionstatusbar.cpp" line="105"/>
        <source>Click to see both versions and keep yours, take the server&apos;s or merge.</source>
        <translation>Κάντε κλικ για να δείτε και τις δύο εκδοχές και να κρατήσετε τη δική σας, του διακομιστή ή μια συγχώνευση.</translation>
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
