<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Tag as %1</source>
        <translation>وسم: %1</translation>
    </message>
    <message>
        <source>Tag the selection as %1, snapped to words</source>
        <translation>وسم التحديد (%1)، مضبوطًا على حدود الكلمات</translation>
    </message>
    <message>
        <source>Tag as %1, exact selection</source>
        <translation>وسم: %1، بالتحديد كما هو</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>إظهار طبقة %1</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>حذف التعليق</translation>
    </message>
    <message>
        <source>Set span to the selection</source>
        <translation>جعل التحديد مقطعَ التعليق</translation>
    </message>
    <message>
        <source>Give the selected annotation the span of the text selection</source>
        <translation>إعطاء التعليق المحدد مقطعَ النص المحدد</translation>
    </message>
    <message>
        <source>Extend end by a word</source>
        <translation>مدّ النهاية كلمةً</translation>
    </message>
    <message>
        <source>Shrink end by a word</source>
        <translation>تقليص النهاية كلمةً</translation>
    </message>
    <message>
        <source>Extend start by a word</source>
        <translation>مدّ البداية كلمةً</translation>
    </message>
    <message>
        <source>Shrink start by a word</source>
        <translation>تقليص البداية كلمةً</translation>
    </message>
    <message>
        <source>Next annotation</source>
        <translation>التعليق التالي</translation>
    </message>
    <message>
        <source>Previous annotation</source>
        <translation>التعليق السابق</translation>
    </message>
    <message>
        <source>Pick speaker in text</source>
        <translation>اختيار المتحدث من النص</translation>
    </message>
    <message>
        <source>Click a speaker mention to link the selected claim to it</source>
        <translation>انقر ذكرًا للمتحدث لربط التصريح المحدد به</translation>
    </message>
    <message>
        <source>Edit attributes</source>
        <translation>تحرير السمات</translation>
    </message>
    <message>
        <source>Deselect</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <source>Mark document done</source>
        <translation>تعليم الوثيقة بأنها منجزة</translation>
    </message>
    <message>
        <source>Next document</source>
        <translation>الوثيقة التالية</translation>
    </message>
    <message>
        <source>Previous document</source>
        <translation>الوثيقة السابقة</translation>
    </message>
    <message>
        <source>Go to document list</source>
        <translation>الانتقال إلى قائمة الوثائق</translation>
    </message>
    <message>
        <source>Go to article</source>
        <translation>الانتقال إلى المقال</translation>
    </message>
    <message>
        <source>Go to annotation list</source>
        <translation>الانتقال إلى قائمة التعليقات</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>الحجم الفعلي</translation>
    </message>
    <message>
        <source>Show other annotators</source>
        <translation>إظهار المعلقين الآخرين</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <source>Import articles…</source>
        <translation>استيراد مقالات…</translation>
    </message>
    <message>
        <source>Import a folder of articles…</source>
        <translation>استيراد مجلد مقالات…</translation>
    </message>
    <message>
        <source>Merge colleague&apos;s project…</source>
        <translation>دمج مشروع زميل…</translation>
    </message>
    <message>
        <source>Copy a colleague&apos;s annotations from their project file</source>
        <translation>نسخ تعليقات زميل من ملف مشروعه</translation>
    </message>
    <message>
        <source>Review and adjudicate…</source>
        <translation>المراجعة والتحكيم…</translation>
    </message>
    <message>
        <source>Agreement between annotators…</source>
        <translation>الاتفاق بين المعلقين…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Project settings…</source>
        <translation>إعدادات المشروع…</translation>
    </message>
    <message>
        <source>The project&apos;s cue list for suggestions</source>
        <translation>قائمة ألفاظ الإسناد في المشروع للاقتراحات</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>حفظ نسخة…</translation>
    </message>
    <message>
        <source>Write a complete copy of the project, with every change stored so far</source>
        <translation>كتابة نسخة كاملة من المشروع بكل التغييرات المخزنة حتى الآن</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>Show changes made by another window or the command line</source>
        <translation>إظهار التغييرات التي أجرتها نافذة أخرى أو سطر الأوامر</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ملف (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>تحرير (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>تعليق (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>عرض (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مساعدة (&amp;H)</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Agreement between annotators</source>
        <translation>الاتفاق بين المعلقين</translation>
    </message>
    <message>
        <source>the adjudicated copy</source>
        <translation>النسخة المحكَّمة</translation>
    </message>
    <message>
        <source>the machine&apos;s suggestions</source>
        <translation>اقتراحات الآلة</translation>
    </message>
    <message>
        <source>%1: not ticked unless you want it compared</source>
        <translation>%1: غير محدد إلا إذا أردت مقارنته</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>احسب (&amp;C)</translation>
    </message>
    <message>
        <source>Open in &amp;review</source>
        <translation>افتح في المراجعة (&amp;R)</translation>
    </message>
    <message>
        <source>Token alpha: Krippendorff&apos;s alpha over every character, all chosen annotators. Span F1: spans both marked (exact: same edges; overlap: sharing text) against those only one marked. Kappa: chance-corrected agreement (%2 = always the same, %3 = as by chance). n: the units each figure counts; fewer than %1 are greyed.</source>
        <translation>ألفا الرموز: معامل ألفا لكريبندورف على كل حرف، لجميع المعلقين المختارين. مقياس F1 للمقاطع: المقاطع التي وسمها الاثنان (التطابق التام: الحدود نفسها؛ التداخل: نص مشترك) مقابل ما وسمه أحدهما فقط. كابا: الاتفاق المصحَّح من أثر الصدفة (%2 = تطابق دائم، %3 = كالصدفة). n: عدد الوحدات التي تحسبها كل قيمة؛ ما كان أقل من %1 يظهر باهتًا.</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>الرسم البياني</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>مصفوفة الالتباس</translation>
    </message>
    <message>
        <source>Documents, hardest first (lowest token alpha or span F1):</source>
        <translation>الوثائق، الأصعب أولًا (أدنى ألفا للرموز أو F1 للمقاطع):</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>المعلقون:</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) compared; figures over fewer than %1 units are greyed.</source>
        <translation>
            <numerusform>لم تُقارَن أي وثيقة؛ الأرقام المحسوبة على أقل من %1 وحدة تظهر باهتة.</numerusform>
            <numerusform>قورنت وثيقة واحدة؛ الأرقام المحسوبة على أقل من %1 وحدة تظهر باهتة.</numerusform>
            <numerusform>قورنت وثيقتان؛ الأرقام المحسوبة على أقل من %1 وحدة تظهر باهتة.</numerusform>
            <numerusform>قورنت %n وثائق؛ الأرقام المحسوبة على أقل من %1 وحدة تظهر باهتة.</numerusform>
            <numerusform>قورنت %n وثيقةً؛ الأرقام المحسوبة على أقل من %1 وحدة تظهر باهتة.</numerusform>
            <numerusform>قورنت %n وثيقة؛ الأرقام المحسوبة على أقل من %1 وحدة تظهر باهتة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>المقياس</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>المعلقون</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>غير معرَّف</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 مقابل %2</translation>
    </message>
    <message numerus="yes">
        <source>only %n unit(s)</source>
        <translation>
            <numerusform>لا وحدات</numerusform>
            <numerusform>وحدة واحدة فقط</numerusform>
            <numerusform>وحدتان فقط</numerusform>
            <numerusform>%n وحدات فقط</numerusform>
            <numerusform>%n وحدةً فقط</numerusform>
            <numerusform>%n وحدة فقط</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 vs %2&lt;/b&gt;: span F1 and token kappa of this pair; token alpha over all chosen annotators (%3). Values %4 to %5; the marks at %6 and %7 are the usual thresholds.</source>
        <translation>&lt;b&gt;%1 مقابل %2&lt;/b&gt;: F1 للمقاطع وكابا الرموز لهذا الزوج؛ وألفا الرموز لجميع المعلقين المختارين (%3). القيم من %4 إلى %5؛ والعلامتان عند %6 و%7 هما العتبتان المعتادتان.</translation>
    </message>
    <message>
        <source>%1: token alpha (all)</source>
        <translation>%1: ألفا الرموز (الجميع)</translation>
    </message>
    <message>
        <source>%1: span exact F1</source>
        <translation>%1: F1 للمقاطع، تطابق تام</translation>
    </message>
    <message>
        <source>%1: span overlap F1</source>
        <translation>%1: F1 للمقاطع، تداخل</translation>
    </message>
    <message>
        <source>%1: token kappa</source>
        <translation>%1: كابا الرموز</translation>
    </message>
    <message>
        <source>%1 ▸ %2: %3 (rows) vs %4</source>
        <translation>%1 ◂ %2: %3 (الصفوف) مقابل %4</translation>
    </message>
    <message>
        <source>Rows: the %1 &lt;b&gt;%2&lt;/b&gt; gave; columns: the %1 &lt;b&gt;%3&lt;/b&gt; gave, for the spans both marked. In bold: both gave the same.</source>
        <translation>الصفوف: %1 كما أعطاه &lt;b&gt;%2&lt;/b&gt;؛ الأعمدة: %1 كما أعطاه &lt;b&gt;%3&lt;/b&gt;، للمقاطع التي وسمها الاثنان. بالخط العريض: ما اتفقا عليه.</translation>
    </message>
    <message>
        <source>%1: %2 gave %3, %4 gave %5</source>
        <translation>%1: أعطى %2 %3، وأعطى %4 %5</translation>
    </message>
    <message>
        <source>%1 gave %2</source>
        <translation>أعطى %1 %2</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>الأدنى</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
</context>
<context>
    <name>AgreementNotes</name>
    <message>
        <source>no units</source>
        <translation>لا وحدات</translation>
    </message>
    <message>
        <source>fewer than two annotators</source>
        <translation>أقل من معلقَين اثنين</translation>
    </message>
    <message>
        <source>fewer than two annotators to compare</source>
        <translation>أقل من معلقَين اثنين للمقارنة</translation>
    </message>
    <message>
        <source>no unit has values from two annotators</source>
        <translation>لا وحدة لها قيم من معلقَين اثنين</translation>
    </message>
    <message>
        <source>no matched pairs with a value</source>
        <translation>لا أزواج متطابقة لها قيمة</translation>
    </message>
    <message>
        <source>neither annotator tagged a span of this layer</source>
        <translation>لم يسم أيٌّ من المعلقَين مقطعًا من هذه الطبقة</translation>
    </message>
    <message>
        <source>A tagged no span of this layer: precision is not defined</source>
        <translation>لم يسم (أ) أي مقطع من هذه الطبقة: الدقة غير معرَّفة</translation>
    </message>
    <message>
        <source>B tagged no span of this layer: recall is not defined</source>
        <translation>لم يسم (ب) أي مقطع من هذه الطبقة: الاستدعاء غير معرَّف</translation>
    </message>
    <message>
        <source>no document has been annotated by two of the annotators</source>
        <translation>لا توجد وثيقة علّق عليها اثنان من المعلقين</translation>
    </message>
    <message>
        <source>the compared documents have no word tokens</source>
        <translation>لا كلمات في الوثائق المقارَنة</translation>
    </message>
    <message>
        <source>one category only: both annotators gave every unit the same value, so chance agreement is %1 and kappa is not defined</source>
        <translation>فئة واحدة فقط: أعطى المعلقان كل وحدة القيمة نفسها، فاتفاق الصدفة %1 وكابا غير معرَّف</translation>
    </message>
    <message>
        <source>one category only: every pairable value is the same, so expected disagreement is %1 and alpha is not defined</source>
        <translation>فئة واحدة فقط: كل القيم القابلة للمقارنة متماثلة، فالاختلاف المتوقع %1 وألفا غير معرَّف</translation>
    </message>
    <message>
        <source>token alpha</source>
        <translation>ألفا الرموز</translation>
    </message>
    <message>
        <source>span exact F1</source>
        <translation>F1 للمقاطع، تطابق تام</translation>
    </message>
    <message>
        <source>span overlap F1</source>
        <translation>F1 للمقاطع، تداخل</translation>
    </message>
    <message>
        <source>token kappa</source>
        <translation>كابا الرموز</translation>
    </message>
    <message>
        <source>%1 kappa</source>
        <translation>كابا %1</translation>
    </message>
    <message>
        <source>%1 alpha</source>
        <translation>ألفا %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>%1 marked by both, %2 only by %3, %4 only by %5</source>
        <translation>%1 وسمها الاثنان، %2 وسمها %3 وحده، %4 وسمها %5 وحده</translation>
    </message>
    <message>
        <source>precision %1 and recall %2 of %3 against %4</source>
        <translation>الدقة %1 والاستدعاء %2 لدى %3 مقابل %4</translation>
    </message>
    <message>
        <source>share of spans both marked with the same value: %1</source>
        <translation>نسبة المقاطع التي وسمها الاثنان بالقيمة نفسها: %1</translation>
    </message>
    <message>
        <source>fewer than two annotators to compare (only %1)</source>
        <translation>أقل من معلقَين اثنين للمقارنة (%1 فقط)</translation>
    </message>
    <message>
        <source>no document annotated by both %1 and %2</source>
        <translation>لا وثيقة علّق عليها %1 و%2 كلاهما</translation>
    </message>
    <message>
        <source>%1 annotated none of the chosen documents</source>
        <translation>لم يعلّق %1 على أي من الوثائق المختارة</translation>
    </message>
    <message>
        <source>%1 annotated nothing</source>
        <translation>لم يعلّق %1 على شيء</translation>
    </message>
    <message>
        <source>no annotator %1 in this project (annotators: %2)</source>
        <translation>لا معلق باسم %1 في هذا المشروع (المعلقون: %2)</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>غير معرَّف</translation>
    </message>
    <message>
        <source>stance</source>
        <translation>الموقف</translation>
    </message>
</context>
<context>
    <name>AnnotationTableModel</name>
    <message>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المعلق</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a stance: its target (its value)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1، المعلق: %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>stances: %1</source>
        <translation>المواقف: %1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Your name or initials, recorded with every annotation you make.
Cancel quits without opening the workbench.</source>
        <translation>اسمك أو الأحرف الأولى منه، ويُسجَّل مع كل تعليق تضعه.
الإلغاء يُنهي البرنامج دون فتح منضدة العمل.</translation>
    </message>
    <message>
        <source>A name is needed: every annotation is recorded under the name of whoever made it.
</source>
        <translation>الاسم مطلوب: يُسجَّل كل تعليق باسم من وضعه.
</translation>
    </message>
    <message>
        <source>Who is annotating?</source>
        <translation>من يعلّق؟</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
    <message>
        <source>Something went wrong: %1

Your annotations are stored; the details are in %2.</source>
        <translation>حدث خطأ: %1

تعليقاتك محفوظة؛ والتفاصيل في %2.</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <source>%1

Restore the newest backup, made %2? The file that cannot be opened is kept in the backups folder.</source>
        <translation>%1

هل تستعيد أحدث نسخة احتياطية، وهي التي أُنشئت في %2؟ يُحفظ الملف الذي تعذّر فتحه في مجلد النسخ الاحتياطية.</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>استعِد النسخة</translation>
    </message>
    <message>
        <source>Do not restore</source>
        <translation>لا تستعِد</translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation>تعذّرت استعادة النسخة الاحتياطية</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>استُعيدت النسخة الاحتياطية</translation>
    </message>
    <message>
        <source>The backup made %1 was restored into %2; the file that could not be opened is kept in the backups folder.</source>
        <translation>استُعيدت النسخة الاحتياطية التي أُنشئت في %1 إلى %2؛ ويُحتفظ بالملف الذي تعذّر فتحه في مجلد النسخ الاحتياطية.</translation>
    </message>
    <message>
        <source>%1

Remove them now and open the project? A backup copy of the file as it is is made first.</source>
        <translation>%1

هل تزيلها الآن وتفتح المشروع؟ تُصنع أولًا نسخة احتياطية من الملف على حاله.</translation>
    </message>
    <message>
        <source>Remove them and open</source>
        <translation>أزِلها وافتح المشروع</translation>
    </message>
    <message>
        <source>Do not open</source>
        <translation>لا تفتح</translation>
    </message>
    <message>
        <source>SQL objects this tool did not make, removed: %1. The file as it was, with them, is kept in %2.</source>
        <translation>عناصر SQL التي لم تصنعها هذه الأداة، المُزالة: %1. والملف كما كان، بها، محفوظ في %2.</translation>
    </message>
    <message>
        <source>Rows that did not fit the rebuilt tables and are only in that copy: %1.</source>
        <translation>الصفوف التي لم تتسع لها الجداول المعاد بناؤها وهي في تلك النسخة وحدها: %1.</translation>
    </message>
    <message>
        <source>SQL objects removed</source>
        <translation>أُزيلت عناصر SQL</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>entity: %1</source>
        <translation>الكيان: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>stance: %1: %2</source>
        <translation>الموقف: %1: %2</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign documents</source>
        <translation>تكليف بالوثائق</translation>
    </message>
    <message>
        <source>Reading the team&apos;s members…</source>
        <translation>جارٍ قراءة أعضاء الفريق…</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>كلِّف (&amp;A)</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>العضو:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>الوثائق:</translation>
    </message>
    <message>
        <source>Choose a member and at least one document.</source>
        <translation>اختر عضوًا ووثيقة واحدة على الأقل.</translation>
    </message>
    <message>
        <source>Assigning…</source>
        <translation>جارٍ التكليف…</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) assigned.</source>
        <translation>
            <numerusform>لم تُسنَد أي وثيقة.</numerusform>
            <numerusform>أُسندت وثيقة واحدة.</numerusform>
            <numerusform>أُسندت وثيقتان.</numerusform>
            <numerusform>أُسندت %n وثائق.</numerusform>
            <numerusform>أُسندت %n وثيقةً.</numerusform>
            <numerusform>أُسندت %n وثيقة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) taken back.</source>
        <translation>
            <numerusform>لم تُسترجَع أي وثيقة.</numerusform>
            <numerusform>استُرجعت وثيقة واحدة.</numerusform>
            <numerusform>استُرجعت وثيقتان.</numerusform>
            <numerusform>استُرجعت %n وثائق.</numerusform>
            <numerusform>استُرجعت %n وثيقةً.</numerusform>
            <numerusform>استُرجعت %n وثيقة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>رُفض: %1</translation>
    </message>
</context>
<context>
    <name>AttributeEditor</name>
    <message>
        <source> or </source>
        <translation> أو </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nothing selected. To tag, select words in the article and press %1. Click a coloured passage to see and change its attributes here. F7 suggests speakers and claims for you to accept or reject.</source>
        <translation>لا شيء محدد. للوسم، حدِّد كلمات في المقال واضغط %1. انقر مقطعًا ملوَّنًا لترى سماته وتغيّرها هنا. يقترح F7 متحدثين وتصريحات لتقبلها أو ترفضها.</translation>
    </message>
    <message>
        <source>&amp;Layer:</source>
        <translation>الطبقة (&amp;L):</translation>
    </message>
    <message>
        <source>The annotation you were typing in was deleted in another window or by another command; what you typed (%1) was not stored</source>
        <translation>حُذف التعليق الذي كنت تكتب فيه في نافذة أخرى أو بأمر آخر؛ لم يُخزَّن ما كتبته (%1)</translation>
    </message>
    <message>
        <source>The annotation you were typing in was changed in another window or by another command and no longer has that field; what you typed (%1) was not stored</source>
        <translation>غُيِّر التعليق الذي كنت تكتب فيه في نافذة أخرى أو بأمر آخر فلم يعد فيه ذلك الحقل؛ لم يُخزَّن ما كتبته (%1)</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Stances</source>
        <translation>المواقف</translation>
    </message>
    <message>
        <source>Name of the person or body</source>
        <translation>اسم الشخص أو الجهة</translation>
    </message>
    <message>
        <source>Set speaker entity %1</source>
        <translation>تغيير كيان المتحدث إلى %1</translation>
    </message>
    <message>
        <source>Clear speaker entity</source>
        <translation>مسح كيان المتحدث</translation>
    </message>
    <message>
        <source>Pick in text</source>
        <translation>اختر من النص</translation>
    </message>
    <message>
        <source>Click the %1 in the article to link this %2 to it</source>
        <translation>انقر في المقال على تعليق من نوع %1 لربط هذا التعليق من نوع %2 به</translation>
    </message>
    <message>
        <source>Add stance</source>
        <translation>أضف موقفًا</translation>
    </message>
    <message>
        <source>annotation by %1 — read only</source>
        <translation>تعليق %1 — للقراءة فقط</translation>
    </message>
    <message>
        <source>Change layer to %1</source>
        <translation>تغيير الطبقة إلى %1</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation>تغيير %1 إلى %2</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>مسح %1</translation>
    </message>
    <message>
        <source>Link %1 to %2 %3</source>
        <translation>ربط %1 بذكر %2 %3</translation>
    </message>
    <message>
        <source>Unlink %1 from its %2</source>
        <translation>فك ربط %1 عن %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>n/a  (%1)</source>
        <translation>غير معرَّف  (%1)</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
</context>
<context>
    <name>ColumnDialog</name>
    <message>
        <source>Columns of %1</source>
        <translation>أعمدة %1</translation>
    </message>
    <message>
        <source>detect</source>
        <translation>اكتشاف تلقائي</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>الترميز (&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Text column:</source>
        <translation>عمود النص (&amp;T):</translation>
    </message>
    <message>
        <source>T&amp;itle column:</source>
        <translation>عمود العنوان (&amp;I):</translation>
    </message>
    <message>
        <source>I&amp;d column:</source>
        <translation>عمود المعرّف (&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>استورد (&amp;I)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n column(s); other columns are kept as document metadata.</source>
        <translation>
            <numerusform>%1: %2، بلا أعمدة؛ تُحفظ الأعمدة الأخرى بيانات وصفية للوثيقة.</numerusform>
            <numerusform>%1: %2، عمود واحد؛ تُحفظ الأعمدة الأخرى بيانات وصفية للوثيقة.</numerusform>
            <numerusform>%1: %2، عمودان؛ تُحفظ الأعمدة الأخرى بيانات وصفية للوثيقة.</numerusform>
            <numerusform>%1: %2، %n أعمدة؛ تُحفظ الأعمدة الأخرى بيانات وصفية للوثيقة.</numerusform>
            <numerusform>%1: %2، %n عمودًا؛ تُحفظ الأعمدة الأخرى بيانات وصفية للوثيقة.</numerusform>
            <numerusform>%1: %2، %n عمود؛ تُحفظ الأعمدة الأخرى بيانات وصفية للوثيقة.</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Cannot undo “%1”: %2</source>
        <translation>تعذّر التراجع عن «%1»: %2</translation>
    </message>
    <message>
        <source>Cannot redo “%1”: %2</source>
        <translation>تعذّرت إعادة «%1»: %2</translation>
    </message>
    <message>
        <source>Undid “%1”, except: %2</source>
        <translation>تم التراجع عن «%1»، باستثناء: %2</translation>
    </message>
    <message>
        <source>Redid “%1”, except: %2</source>
        <translation>أُعيد «%1»، باستثناء: %2</translation>
    </message>
    <message>
        <source>annotation %1 was changed in another window since this step; nothing was changed</source>
        <translation>تغيّر التعليق %1 في نافذة أخرى منذ هذه الخطوة؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>Mark document %1</source>
        <translation>تعليم الوثيقة: %1</translation>
    </message>
    <message>
        <source>document %1 was marked %2 in another window; your change was not applied</source>
        <translation>عُلِّمت الوثيقة %1 «%2» في نافذة أخرى؛ لم يُطبَّق تغييرك</translation>
    </message>
</context>
<context>
    <name>ConflictPane</name>
    <message>
        <source>Resolve a merge conflict: keep ours</source>
        <translation>حل تعارض دمج: إبقاء نسختنا</translation>
    </message>
    <message>
        <source>Resolve a merge conflict: take theirs</source>
        <translation>حل تعارض دمج: أخذ نسختهم</translation>
    </message>
    <message>
        <source>the resolution cannot be undone: %1</source>
        <translation>لا يمكن التراجع عن الحل: %1</translation>
    </message>
    <message>
        <source>Keep &amp;ours</source>
        <translation>أبقِ نسختنا (&amp;O)</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>خذ نسختهم (&amp;T)</translation>
    </message>
    <message>
        <source>Keep our version of the merge conflict</source>
        <translation>إبقاء نسختنا في تعارض الدمج</translation>
    </message>
    <message>
        <source>Take their version of the merge conflict</source>
        <translation>أخذ نسختهم في تعارض الدمج</translation>
    </message>
    <message>
        <source>Keep our version (O)</source>
        <translation>إبقاء نسختنا (O)</translation>
    </message>
    <message>
        <source>Take their version (T)</source>
        <translation>أخذ نسختهم (T)</translation>
    </message>
    <message numerus="yes">
        <source>Merge conflicts of this document: %n open</source>
        <translation>
            <numerusform>تعارضات الدمج في هذه الوثيقة: لا تعارض مفتوح</numerusform>
            <numerusform>تعارضات الدمج في هذه الوثيقة: تعارض واحد مفتوح</numerusform>
            <numerusform>تعارضات الدمج في هذه الوثيقة: تعارضان مفتوحان</numerusform>
            <numerusform>تعارضات الدمج في هذه الوثيقة: %n تعارضات مفتوحة</numerusform>
            <numerusform>تعارضات الدمج في هذه الوثيقة: %n تعارضًا مفتوحًا</numerusform>
            <numerusform>تعارضات الدمج في هذه الوثيقة: %n تعارض مفتوح</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>Filter documents…</source>
        <translation>تصفية الوثائق…</translation>
    </message>
    <message>
        <source>Filter documents by title</source>
        <translation>تصفية الوثائق حسب العنوان</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
    <message numerus="yes">
        <source>%1
%2 · %n character(s)</source>
        <translation>
            <numerusform>%1
%2 · بلا أحرف</numerusform>
            <numerusform>%1
%2 · حرف واحد</numerusform>
            <numerusform>%1
%2 · حرفان</numerusform>
            <numerusform>%1
%2 · %n أحرف</numerusform>
            <numerusform>%1
%2 · %n حرفًا</numerusform>
            <numerusform>%1
%2 · %n حرف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Annotations table (CSV): one row per annotation and stance</source>
        <translation>جدول التعليقات (CSV): صف لكل تعليق وموقف</translation>
    </message>
    <message>
        <source>Claims table (CSV): one row per claim and stance, with its speaker</source>
        <translation>جدول التصريحات (CSV): صف لكل تصريح وموقف، مع متحدثه</translation>
    </message>
    <message>
        <source>JSON Lines: documents, annotators, entities and annotations, lossless</source>
        <translation>أسطر JSON: الوثائق والمعلقون والكيانات والتعليقات، دون فقد</translation>
    </message>
    <message>
        <source>brat standoff: a folder with a .txt and an .ann file per document</source>
        <translation>صيغة brat المنفصلة: مجلد فيه ملف ⁦.txt⁩ وملف ⁦.ann⁩ لكل وثيقة</translation>
    </message>
    <message>
        <source>Spreadsheet (xlsx): the annotations and claims tables as sheets, right to left</source>
        <translation>جدول بيانات (xlsx): جدولا التعليقات والتصريحات في ورقتين، من اليمين إلى اليسار</translation>
    </message>
    <message>
        <source>UIMA CAS XMI (INCEpTION, DKPro): a folder with TypeSystem.xml and an .xmi file per document and annotator</source>
        <translation>UIMA CAS XMI (INCEpTION، DKPro): مجلد فيه ⁦TypeSystem.xml⁩ وملف ⁦.xmi⁩ لكل وثيقة ومعلق</translation>
    </message>
    <message>
        <source>spaCy DocBin (.spacy): one SpanGroup per layer and annotator, Arabic tokens</source>
        <translation>spaCy DocBin (⁦.spacy⁩): مجموعة مقاطع (SpanGroup) لكل طبقة ومعلق، بتقطيع عربي</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>تصدير التعليقات</translation>
    </message>
    <message>
        <source>&amp;Whole project</source>
        <translation>المشروع كله (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Only the open document</source>
        <translation>الوثيقة المفتوحة وحدها (&amp;O)</translation>
    </message>
    <message>
        <source>%1 (undecided machine suggestions)</source>
        <translation>%1 (اقتراحات آلية لم يُبتّ فيها)</translation>
    </message>
    <message>
        <source>Protect cells starting with = + - @ from running as formulas (for Excel)</source>
        <translation>حماية الخلايا التي تبدأ بـ = + - @ من أن يعاملها Excel معاملة الصيغ</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>صدِّر (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>الصيغة (&amp;F):</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>الوثائق:</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>المعلقون:</translation>
    </message>
    <message>
        <source>The file %1 already exists.

Replace it with this export?</source>
        <translation>الملف %1 موجود من قبل.

هل يُكتب هذا التصدير فوقه؟</translation>
    </message>
    <message>
        <source>Replace it</source>
        <translation>استبدِله</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>أبقِه</translation>
    </message>
    <message>
        <source>Replace them?</source>
        <translation>هل تستبدلها؟</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Exporting… %1 of %2 documents</source>
        <translation>جارٍ التصدير… %1 من %2 من الوثائق</translation>
    </message>
    <message>
        <source>Exporting… %1 rows</source>
        <translation>جارٍ التصدير… عدد الصفوف: %1</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Nothing exported: no annotator was chosen.</source>
        <translation>لم يُصدَّر شيء: لم يُختر أي معلق.</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>استبدال الملفات؟</translation>
    </message>
    <message>
        <source>Replace them</source>
        <translation>استبدِلها</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>أبقِها</translation>
    </message>
    <message>
        <source>Nothing exported.</source>
        <translation>لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <source>Rows written to %1: %2</source>
        <translation>عدد الصفوف المكتوبة في %1: %2</translation>
    </message>
    <message>
        <source>Lines written to %1: %2</source>
        <translation>عدد الأسطر المكتوبة في %1: %2</translation>
    </message>
    <message>
        <source>Annotations written to %1: %2</source>
        <translation>عدد التعليقات المكتوبة في %1: %2</translation>
    </message>
    <message>
        <source>Spans written to %1: %2</source>
        <translation>عدد المقاطع المكتوبة في %1: %2</translation>
    </message>
    <message>
        <source>Written to %1 (%3): %2</source>
        <translation>العدد المكتوب في %1 (%3): %2</translation>
    </message>
</context>
<context>
    <name>ExportRun</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>ولا ملفات أخرى</numerusform>
            <numerusform>وملف آخر</numerusform>
            <numerusform>وملفان آخران</numerusform>
            <numerusform>و%n ملفات أخرى</numerusform>
            <numerusform>و%n ملفًا آخر</numerusform>
            <numerusform>و%n ملف آخر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The folder %1 already holds %n file(s) that this export would replace:</source>
        <translation>
            <numerusform>لا ملفات في المجلد %1 يستبدلها هذا التصدير:</numerusform>
            <numerusform>في المجلد %1 من قبل ملف واحد يستبدله هذا التصدير:</numerusform>
            <numerusform>في المجلد %1 من قبل ملفان يستبدلهما هذا التصدير:</numerusform>
            <numerusform>في المجلد %1 من قبل %n ملفات يستبدلها هذا التصدير:</numerusform>
            <numerusform>في المجلد %1 من قبل %n ملفًا يستبدلها هذا التصدير:</numerusform>
            <numerusform>في المجلد %1 من قبل %n ملف يستبدلها هذا التصدير:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>ملف %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>ابحث في (&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>نوع الملفات (&amp;T):</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Ignore tashkeel (harakat, shadda, sukun, tanwin)</source>
        <translation>تجاهل التشكيل (الحركات والشدة والسكون والتنوين)</translation>
    </message>
    <message>
        <source>Ignore tatweel</source>
        <translation>تجاهل التطويل</translation>
    </message>
    <message>
        <source>Ignore hamza on alef (أ إ آ ٱ = ا)</source>
        <translation>تجاهل الهمزة على الألف (أ إ آ ٱ = ا)</translation>
    </message>
    <message>
        <source>Ignore ى/ي and ة/ه</source>
        <translation>تجاهل الفرق بين ى وي، وبين ة وه</translation>
    </message>
    <message>
        <source>Arabic-Indic digits = Latin digits</source>
        <translation>الأرقام المشرقية (٠١٢) = الأرقام الغربية (012)</translation>
    </message>
    <message>
        <source>Ignore Latin case</source>
        <translation>تجاهل الفرق بين الأحرف اللاتينية الكبيرة والصغيرة</translation>
    </message>
    <message>
        <source>Ignore the article (الكتاب = كتاب)</source>
        <translation>تجاهل أداة التعريف (الكتاب = كتاب)</translation>
    </message>
    <message>
        <source>Ignore proclitics و ف ب ل ك</source>
        <translation>تجاهل السوابق و ف ب ل ك</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>كلمات كاملة فقط</translation>
    </message>
    <message>
        <source>Find (ignores tashkeel, tatweel, hamza…)</source>
        <translation>بحث (يتجاهل التشكيل والتطويل والهمزة…)</translation>
    </message>
    <message>
        <source>Previous hit (Shift+Enter, Shift+F3)</source>
        <translation>النتيجة السابقة (Shift+Enter، Shift+F3)</translation>
    </message>
    <message>
        <source>Next hit (Enter, F3)</source>
        <translation>النتيجة التالية (Enter، F3)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>خيارات</translation>
    </message>
    <message>
        <source>What the search ignores</source>
        <translation>ما يتجاهله البحث</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>كل الوثائق</translation>
    </message>
    <message>
        <source>List the hits of every document</source>
        <translation>سرد نتائج كل الوثائق</translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation>وسم %1</translation>
    </message>
    <message>
        <source>Tag the current hit as %1</source>
        <translation>وسم النتيجة الحالية: %1</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translation>إغلاق شريط البحث (Escape)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>بحث…</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>البحث عن السابق</translation>
    </message>
    <message>
        <source>no hits</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 hits (first %2 in %n document(s))</source>
        <translation>
            <numerusform>%1 نتيجة (أول %2 منها في لا وثيقة)</numerusform>
            <numerusform>%1 نتيجة (أول %2 منها في وثيقة واحدة)</numerusform>
            <numerusform>%1 نتيجة (أول %2 منها في وثيقتين)</numerusform>
            <numerusform>%1 نتيجة (أول %2 منها في %n وثائق)</numerusform>
            <numerusform>%1 نتيجة (أول %2 منها في %n وثيقةً)</numerusform>
            <numerusform>%1 نتيجة (أول %2 منها في %n وثيقة)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n document(s)</source>
        <translation>
            <numerusform>%1 في لا وثيقة</numerusform>
            <numerusform>%1 في وثيقة واحدة</numerusform>
            <numerusform>%1 في وثيقتين</numerusform>
            <numerusform>%1 في %n وثائق</numerusform>
            <numerusform>%1 في %n وثيقةً</numerusform>
            <numerusform>%1 في %n وثيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجةً</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reading documents: %n left</source>
        <translation>
            <numerusform>قراءة الوثائق: لم يبقَ شيء</numerusform>
            <numerusform>قراءة الوثائق: بقيت وثيقة واحدة</numerusform>
            <numerusform>قراءة الوثائق: بقيت وثيقتان</numerusform>
            <numerusform>قراءة الوثائق: بقيت %n وثائق</numerusform>
            <numerusform>قراءة الوثائق: بقيت %n وثيقةً</numerusform>
            <numerusform>قراءة الوثائق: بقيت %n وثيقة</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>HitList</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, characters %2–%3</source>
        <translation>%1، الأحرف %2–%3</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>Reading articles…</source>
        <translation>قراءة المقالات…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Reading articles… %1 of %2</source>
        <translation>قراءة المقالات… %1 من %2</translation>
    </message>
    <message>
        <source>Storing articles… %1 of %2</source>
        <translation>تخزين المقالات… %1 من %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… ولا ملفات أخرى</numerusform>
            <numerusform>… وملف آخر</numerusform>
            <numerusform>… وملفان آخران</numerusform>
            <numerusform>… و%n ملفات أخرى</numerusform>
            <numerusform>… و%n ملفًا آخر</numerusform>
            <numerusform>… و%n ملف آخر</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>لم يُستورد شيء</translation>
    </message>
    <message>
        <source>Some files were refused</source>
        <translation>رُفضت بعض الملفات</translation>
    </message>
    <message numerus="yes">
        <source>%1

Import the %n readable file(s) and skip the refused ones?</source>
        <translation>
            <numerusform>%1

لا ملفات مقروءة للاستيراد.</numerusform>
            <numerusform>%1

هل تستورد الملف المقروء وتتخطى الملفات المرفوضة؟</numerusform>
            <numerusform>%1

هل تستورد الملفين المقروءين وتتخطى الملفات المرفوضة؟</numerusform>
            <numerusform>%1

هل تستورد الملفات المقروءة الـ%n وتتخطى الملفات المرفوضة؟</numerusform>
            <numerusform>%1

هل تستورد الملفات المقروءة الـ%n وتتخطى الملفات المرفوضة؟</numerusform>
            <numerusform>%1

هل تستورد الملفات المقروءة الـ%n وتتخطى الملفات المرفوضة؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Import the readable files</source>
        <translation>استورد الملفات المقروءة</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>لا تستورد شيئًا</translation>
    </message>
</context>
<context>
    <name>ImportWorker</name>
    <message>
        <source>Import cancelled; nothing was stored.</source>
        <translation>أُلغي الاستيراد؛ لم يُخزَّن شيء.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة (&amp;L)</translation>
    </message>
    <message>
        <source>Arabic-Indic digits (Arabic interface)</source>
        <translation>الأرقام المشرقية في الواجهة العربية</translation>
    </message>
    <message>
        <source>The interface is now in Arabic.</source>
        <translation>الواجهة الآن بالعربية.</translation>
    </message>
    <message>
        <source>The interface is now in English.</source>
        <translation>الواجهة الآن بالإنجليزية.</translation>
    </message>
    <message>
        <source>Every change is stored; the undo history starts afresh. Exports always write Western digits.</source>
        <translation>كل تغيير مخزَّن؛ ويبدأ سجل التراجع من جديد. ويكتب التصدير الأرقام الغربية دائمًا.</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Layers:</source>
        <translation>الطبقات:</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Annotate</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <source>%1 — Arabic news annotator</source>
        <translation>%1 — أداة التعليق على الأخبار العربية</translation>
    </message>
    <message>
        <source>Annotator: %1</source>
        <translation>المعلق: %1</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
    <message>
        <source>The project cannot be read at the moment: %1</source>
        <translation>تتعذر قراءة المشروع الآن: %1</translation>
    </message>
    <message>
        <source>Nothing more is saved to this project: %1</source>
        <translation>لن يُحفظ شيء بعد الآن في هذا المشروع: %1</translation>
    </message>
    <message>
        <source>Checking the project… edits are held until it finishes</source>
        <translation>جارٍ فحص المشروع… التعديلات معلّقة حتى ينتهي الفحص</translation>
    </message>
    <message>
        <source>The project was checked: edits are stored again</source>
        <translation>فُحص المشروع: التعديلات تُحفظ من جديد</translation>
    </message>
    <message>
        <source>Select some text in the article first, then press the layer key.</source>
        <translation>حدِّد نصًا في المقال أولًا، ثم اضغط مفتاح الطبقة.</translation>
    </message>
    <message>
        <source>Select an annotation, then select its new text and press Ctrl+R.</source>
        <translation>حدِّد تعليقًا، ثم حدِّد نصه الجديد واضغط Ctrl+R.</translation>
    </message>
    <message>
        <source>Change span</source>
        <translation>تغيير المقطع</translation>
    </message>
    <message>
        <source>Extend start</source>
        <translation>مدّ البداية</translation>
    </message>
    <message>
        <source>Shrink start</source>
        <translation>تقليص البداية</translation>
    </message>
    <message>
        <source>Extend end</source>
        <translation>مدّ النهاية</translation>
    </message>
    <message>
        <source>Shrink end</source>
        <translation>تقليص النهاية</translation>
    </message>
    <message>
        <source>Click the %1 of this %2 in the article (Esc cancels).</source>
        <translation>انقر في المقال على تعليق من نوع %1 ليُربط به هذا التعليق من نوع %2 (Esc للإلغاء).</translation>
    </message>
    <message>
        <source>That is a %1; click a %2.</source>
        <translation>هذا تعليق من نوع %1؛ انقر تعليقًا من نوع %2.</translation>
    </message>
    <message>
        <source>Select a %1 first, then pick its %2 in the text.</source>
        <translation>حدِّد تعليقًا من نوع %1 أولًا، ثم اختر من النص ما يرتبط به من نوع %2.</translation>
    </message>
    <message>
        <source>Select an annotation that links to another first (%1), then pick in the text.</source>
        <translation>حدِّد أولًا تعليقًا يرتبط بغيره (%1)، ثم اختر من النص ما يرتبط به.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> أو </translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>الحالة: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged annotation(s) of this document are not shown; `annotator check` names them</source>
        <translation>
            <numerusform>لا تعليقات تالفة في هذه الوثيقة</numerusform>
            <numerusform>تعليق تالف واحد في هذه الوثيقة لا يظهر؛ ويسمّيه الأمر `annotator check`</numerusform>
            <numerusform>تعليقان تالفان في هذه الوثيقة لا يظهران؛ ويسمّيهما الأمر `annotator check`</numerusform>
            <numerusform>%n تعليقات تالفة في هذه الوثيقة لا تظهر؛ ويسمّيها الأمر `annotator check`</numerusform>
            <numerusform>%n تعليقًا تالفًا في هذه الوثيقة لا تظهر؛ ويسمّيها الأمر `annotator check`</numerusform>
            <numerusform>%n تعليق تالف في هذه الوثيقة لا تظهر؛ ويسمّيها الأمر `annotator check`</numerusform>
        </translation>
    </message>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>Annotator projects (*.annotator);;All files (*)</source>
        <translation>مشاريع التعليق (*.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>المشروع</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <source>Articles (*.txt *.csv *.tsv *.jsonl);;All files (*)</source>
        <translation>المقالات (*.txt *.csv *.tsv *.jsonl);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s)</source>
        <translation>
            <numerusform>لم يُستورد أي مقال</numerusform>
            <numerusform>استُورد مقال واحد</numerusform>
            <numerusform>استُورد مقالان</numerusform>
            <numerusform>استُوردت %n مقالات</numerusform>
            <numerusform>استُورد %n مقالًا</numerusform>
            <numerusform>استُورد %n مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %n already in the project</source>
        <translation>
            <numerusform>لم يُتخطَّ شيء</numerusform>
            <numerusform>تُخُطِّيَ مقالٌ واحد موجود في المشروع</numerusform>
            <numerusform>تُخُطِّيَ مقالان موجودان في المشروع</numerusform>
            <numerusform>تُخُطِّيَت %n مقالات موجودة في المشروع</numerusform>
            <numerusform>تُخُطِّيَ %n مقالًا موجودًا في المشروع</numerusform>
            <numerusform>تُخُطِّيَ %n مقال موجود في المشروع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>refused %n problem file(s)</source>
        <translation>
            <numerusform>لم يُرفض أي ملف</numerusform>
            <numerusform>رُفض ملف واحد فيه مشكلة</numerusform>
            <numerusform>رُفض ملفان فيهما مشكلات</numerusform>
            <numerusform>رُفضت %n ملفات فيها مشكلات</numerusform>
            <numerusform>رُفض %n ملفًا فيها مشكلات</numerusform>
            <numerusform>رُفض %n ملف فيها مشكلات</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>left out %n: %1</source>
        <translation>
            <numerusform>لم يُترك شيء: %1</numerusform>
            <numerusform>تُرك واحد: %1</numerusform>
            <numerusform>تُرك اثنان: %1</numerusform>
            <numerusform>تُركت %n: %1</numerusform>
            <numerusform>تُرك %n: %1</numerusform>
            <numerusform>تُرك %n: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>Merge a colleague&apos;s project</source>
        <translation>دمج مشروع زميل</translation>
    </message>
    <message>
        <source>Nothing was merged</source>
        <translation>لم يُدمج شيء</translation>
    </message>
    <message numerus="yes">
        <source>Annotations: %1 added, %2 updated, %3 deleted, %4 in conflict, %5 unchanged; %n new document(s).</source>
        <translation>
            <numerusform>التعليقات المضافة: %1، والمحدَّثة: %2، والمحذوفة: %3، والمتعارضة: %4، والباقية كما هي: %5؛ ولا وثائق جديدة.</numerusform>
            <numerusform>التعليقات المضافة: %1، والمحدَّثة: %2، والمحذوفة: %3، والمتعارضة: %4، والباقية كما هي: %5؛ ووثيقة جديدة واحدة.</numerusform>
            <numerusform>التعليقات المضافة: %1، والمحدَّثة: %2، والمحذوفة: %3، والمتعارضة: %4، والباقية كما هي: %5؛ ووثيقتان جديدتان.</numerusform>
            <numerusform>التعليقات المضافة: %1، والمحدَّثة: %2، والمحذوفة: %3، والمتعارضة: %4، والباقية كما هي: %5؛ و%n وثائق جديدة.</numerusform>
            <numerusform>التعليقات المضافة: %1، والمحدَّثة: %2، والمحذوفة: %3، والمتعارضة: %4، والباقية كما هي: %5؛ و%n وثيقةً جديدة.</numerusform>
            <numerusform>التعليقات المضافة: %1، والمحدَّثة: %2، والمحذوفة: %3، والمتعارضة: %4، والباقية كما هي: %5؛ و%n وثيقة جديدة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of their annotations tag, with the same annotator, a span yours already tags (the same work under another id): counted unchanged, their links now point to yours.</source>
        <translation>
            <numerusform>لا تعليق من تعليقاتهم تسم، بالمعلق نفسه، مقطعًا تسمه تعليقاتك أصلًا (العمل نفسه بمعرّف آخر): حُسبت دون تغيير، وروابطها تشير الآن إلى تعليقاتك.</numerusform>
            <numerusform>تعليق واحد من تعليقاتهم تسم، بالمعلق نفسه، مقطعًا تسمه تعليقاتك أصلًا (العمل نفسه بمعرّف آخر): حُسبت دون تغيير، وروابطها تشير الآن إلى تعليقاتك.</numerusform>
            <numerusform>تعليقان من تعليقاتهم تسم، بالمعلق نفسه، مقطعًا تسمه تعليقاتك أصلًا (العمل نفسه بمعرّف آخر): حُسبت دون تغيير، وروابطها تشير الآن إلى تعليقاتك.</numerusform>
            <numerusform>%n تعليقات من تعليقاتهم تسم، بالمعلق نفسه، مقطعًا تسمه تعليقاتك أصلًا (العمل نفسه بمعرّف آخر): حُسبت دون تغيير، وروابطها تشير الآن إلى تعليقاتك.</numerusform>
            <numerusform>%n تعليقًا من تعليقاتهم تسم، بالمعلق نفسه، مقطعًا تسمه تعليقاتك أصلًا (العمل نفسه بمعرّف آخر): حُسبت دون تغيير، وروابطها تشير الآن إلى تعليقاتك.</numerusform>
            <numerusform>%n تعليق من تعليقاتهم تسم، بالمعلق نفسه، مقطعًا تسمه تعليقاتك أصلًا (العمل نفسه بمعرّف آخر): حُسبت دون تغيير، وروابطها تشير الآن إلى تعليقاتك.</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) were kept (in %1): choose our or their version in the review window.</source>
        <translation>
            <numerusform>لم يُحتفظ بأي تعارض (في %1): اختر نسختنا أو نسختهم في نافذة المراجعة.</numerusform>
            <numerusform>احتُفظ بتعارض واحد (في %1): اختر نسختنا أو نسختهم في نافذة المراجعة.</numerusform>
            <numerusform>احتُفظ بتعارضين (في %1): اختر نسختنا أو نسختهم في نافذة المراجعة.</numerusform>
            <numerusform>احتُفظ بـ%n تعارضات (في %1): اختر نسختنا أو نسختهم في نافذة المراجعة.</numerusform>
            <numerusform>احتُفظ بـ%n تعارضًا (في %1): اختر نسختنا أو نسختهم في نافذة المراجعة.</numerusform>
            <numerusform>احتُفظ بـ%n تعارض (في %1): اختر نسختنا أو نسختهم في نافذة المراجعة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>الدمج</translation>
    </message>
    <message>
        <source>Cue list saved: run the suggestions again to use it</source>
        <translation>حُفظت قائمة ألفاظ الإسناد: شغّل الاقتراحات مرة أخرى لتُستعمل</translation>
    </message>
    <message>
        <source>The timed backup failed, your work is stored in the project: %1</source>
        <translation>فشل النسخ الاحتياطي الدوري، وعملك محفوظ في المشروع: %1</translation>
    </message>
</context>
<context>
    <name>MentionList</name>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
</context>
<context>
    <name>ProjectFileCare</name>
    <message>
        <source>Problems beside the project file</source>
        <translation>مشكلات بجوار ملف المشروع</translation>
    </message>
    <message>
        <source>The project file was replaced</source>
        <translation>استُبدل ملف المشروع</translation>
    </message>
    <message>
        <source>%1 was replaced or removed by another program and cannot be opened again here: %2</source>
        <translation>استبدل برنامج آخر الملف %1 أو أزاله، ولا يمكن فتحه هنا مرة أخرى: %2</translation>
    </message>
    <message>
        <source>%1 was replaced by another program (a restore?) while it was open here; it was reopened and shows what the file holds now. What this window had stored before is kept in %2. The undo history was cleared, and a change refused just now was not stored: make it again if it is still wanted.</source>
        <translation>استبدل برنامج آخر الملف %1 (استعادة؟) وهو مفتوح هنا؛ فأُعيد فتحه ويُظهر ما يحويه الملف الآن. وما خزّنته هذه النافذة من قبل محفوظ في %2. مُسح سجل التراجع، والتغيير الذي رُفض للتو لم يُخزَّن: أعد إجراءه إن كنت لا تزال تريده.</translation>
    </message>
    <message>
        <source>Save a copy of the project</source>
        <translation>حفظ نسخة من المشروع</translation>
    </message>
    <message>
        <source>%1 copy.annotator</source>
        <translation>نسخة من %1.annotator</translation>
    </message>
    <message>
        <source>Annotator projects (*.annotator);;All files (*)</source>
        <translation>مشاريع التعليق (*.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Saving a copy to %1…</source>
        <translation>جارٍ حفظ نسخة في %1…</translation>
    </message>
    <message>
        <source>Saved a copy with every stored change to %1</source>
        <translation>حُفظت نسخة بكل التغييرات المخزنة في %1</translation>
    </message>
    <message>
        <source>No copy was saved: %1</source>
        <translation>لم تُحفظ أي نسخة: %1</translation>
    </message>
</context>
<context>
    <name>ProjectSettingsDialog</name>
    <message>
        <source>Project settings</source>
        <translation>إعدادات المشروع</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>لفظ الإسناد</translation>
    </message>
    <message>
        <source>From</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>A cue word as written, e.g. طمأنت</source>
        <translation>لفظ إسناد كما يُكتب، مثل: طمأنت</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>أضف</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>أزل</translation>
    </message>
    <message>
        <source>Reporting cues the suggestions read besides their own lexicon: the cue words researchers wrote on their own claims, and words added here. Uncheck a cue to stop using it; run the suggestions again to see the effect.</source>
        <translation>ألفاظ الإسناد التي تعتمدها الاقتراحات إلى جانب معجمها الخاص: ألفاظ الإسناد التي أدخلها المعلقون في تصريحاتهم، والألفاظ المضافة هنا. أزل العلامة عن لفظ لإيقاف استعماله، ثم شغّل الاقتراحات مرة أخرى لترى الأثر.</translation>
    </message>
    <message>
        <source>your claims, added by hand</source>
        <translation>من تصريحاتك، وأُضيف يدويًا</translation>
    </message>
    <message>
        <source>your claims</source>
        <translation>من تصريحاتك</translation>
    </message>
    <message>
        <source>added by hand</source>
        <translation>أُضيف يدويًا</translation>
    </message>
    <message>
        <source>Write a cue word first.</source>
        <translation>اكتب لفظ الإسناد أولًا.</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Page Up</source>
        <translation>PgUp</translation>
    </message>
    <message>
        <source>Page Down</source>
        <translation>PgDown</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>Checking the project… edits are held until it finishes; nothing was changed, try again in a moment</source>
        <translation>جارٍ فحص المشروع… التعديلات معلّقة حتى ينتهي الفحص؛ لم يتغير شيء، حاول مجددًا بعد لحظة</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>only A</source>
        <translation>عند (أ) فقط</translation>
    </message>
    <message>
        <source>only B</source>
        <translation>عند (ب) فقط</translation>
    </message>
    <message>
        <source>boundary</source>
        <translation>الحدود</translation>
    </message>
    <message>
        <source>attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>اتفاق</translation>
    </message>
    <message>
        <source>span</source>
        <translation>المقطع</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>الكيان</translation>
    </message>
    <message>
        <source>link</source>
        <translation>الربط</translation>
    </message>
    <message>
        <source>stances</source>
        <translation>المواقف</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>محذوف</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>معدَّل</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>المقطع</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>الكيان</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الربط</translation>
    </message>
    <message>
        <source>Stances</source>
        <translation>المواقف</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>محذوف</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع الاختلاف</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <source>A</source>
        <translation>أ</translation>
    </message>
    <message>
        <source>B</source>
        <translation>ب</translation>
    </message>
    <message>
        <source>Differs in</source>
        <translation>يختلف في</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>المرجعية</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المعلق</translation>
    </message>
    <message>
        <source>Their file</source>
        <translation>ملفهم</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>نسختنا</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>نسختهم</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Review — Arabic news annotator</source>
        <translation>المراجعة — أداة التعليق على الأخبار العربية</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>الوثيقة (&amp;D):</translation>
    </message>
    <message>
        <source>Annotator &amp;A:</source>
        <translation>المعلق أ (&amp;A):</translation>
    </message>
    <message>
        <source>Annotator &amp;B:</source>
        <translation>المعلق ب (&amp;B):</translation>
    </message>
    <message>
        <source>Disagreements only</source>
        <translation>الاختلافات فقط</translation>
    </message>
    <message>
        <source>Nothing of the gold copy selected. To decide the disagreement chosen in the list press %1 to accept A, %2 to accept B or %3 to reject; click a passage of the gold copy to change its attributes here.</source>
        <translation>لم يُحدَّد شيء من النسخة المرجعية. للبتّ في الاختلاف المختار في القائمة اضغط %1 لقبول أ، أو %2 لقبول ب، أو %3 للرفض؛ وانقر مقطعًا من النسخة المرجعية لتغيير سماته هنا.</translation>
    </message>
    <message>
        <source>Comment on this disagreement, then Enter</source>
        <translation>أضف ملاحظة على هذا الاختلاف، ثم Enter</translation>
    </message>
    <message>
        <source>Accept A</source>
        <translation>اقبل أ</translation>
    </message>
    <message>
        <source>Accept B</source>
        <translation>اقبل ب</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>ارفض</translation>
    </message>
    <message>
        <source>Accept all agreements</source>
        <translation>اقبل كل المتفق عليه</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Aligned fields (differences marked):</source>
        <translation>الحقول متقابلةً (الاختلافات مميَّزة):</translation>
    </message>
    <message>
        <source>Gold version (editable):</source>
        <translation>النسخة المرجعية (قابلة للتحرير):</translation>
    </message>
    <message>
        <source>Comments:</source>
        <translation>الملاحظات:</translation>
    </message>
    <message>
        <source>Next disagreement</source>
        <translation>الاختلاف التالي</translation>
    </message>
    <message>
        <source>Previous disagreement</source>
        <translation>الاختلاف السابق</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>المراجعة (&amp;R)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>gold (adjudicated)</source>
        <translation>النسخة المرجعية (المحكَّمة)</translation>
    </message>
    <message>
        <source>Upper half of each line: A (%1) · lower half: B (%2)</source>
        <translation>النصف العلوي من كل سطر: أ (%1) · النصف السفلي: ب (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n disagreement(s), adjudicated</source>
        <translation>
            <numerusform>لا اختلافات</numerusform>
            <numerusform>اختلاف واحد، محكَّم</numerusform>
            <numerusform>اختلافان، محكَّمان</numerusform>
            <numerusform>%n اختلافات، كلها محكَّمة</numerusform>
            <numerusform>%n اختلافًا، كلها محكَّمة</numerusform>
            <numerusform>%n اختلاف، كلها محكَّمة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disagreement(s), %1 open</source>
        <translation>
            <numerusform>لا اختلافات، %1 منها مفتوح</numerusform>
            <numerusform>اختلاف واحد، %1 مفتوح</numerusform>
            <numerusform>اختلافان، %1 منهما مفتوح</numerusform>
            <numerusform>%n اختلافات، %1 منها مفتوحة</numerusform>
            <numerusform>%n اختلافًا، %1 منها مفتوحة</numerusform>
            <numerusform>%n اختلاف، %1 منها مفتوحة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge conflicts (%n)</source>
        <translation>
            <numerusform>تعارضات الدمج (%n)</numerusform>
            <numerusform>تعارضات الدمج (%n)</numerusform>
            <numerusform>تعارضات الدمج (%n)</numerusform>
            <numerusform>تعارضات الدمج (%n)</numerusform>
            <numerusform>تعارضات الدمج (%n)</numerusform>
            <numerusform>تعارضات الدمج (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the annotations decided on for %1 were changed in another window</source>
        <translation>تغيّرت في نافذة أخرى التعليقات التي بُتّ فيها في %1</translation>
    </message>
    <message>
        <source>Accept %1&apos;s %2 %3</source>
        <translation>قبول %2 %3 لدى %1</translation>
    </message>
    <message>
        <source>Reject %1 %2</source>
        <translation>رفض %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n agreement(s)</source>
        <translation>
            <numerusform>لا اتفاقات للقبول</numerusform>
            <numerusform>قبول اتفاق واحد</numerusform>
            <numerusform>قبول اتفاقين</numerusform>
            <numerusform>قبول %n اتفاقات</numerusform>
            <numerusform>قبول %n اتفاقًا</numerusform>
            <numerusform>قبول %n اتفاق</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutHelp</name>
    <message>
        <source>Select and tag</source>
        <translation>التحديد والوسم</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>التحرير</translation>
    </message>
    <message>
        <source>Navigate</source>
        <translation>التنقل</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>All layers</source>
        <translation>كل الطبقات</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>إظهار (&amp;W):</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
</context>
<context>
    <name>StanceList</name>
    <message>
        <source>Add stance on %1</source>
        <translation>إضافة موقف من %1</translation>
    </message>
    <message>
        <source>Remove stance on %1</source>
        <translation>حذف الموقف من %1</translation>
    </message>
    <message>
        <source>Set stance on %1 to %2</source>
        <translation>تغيير الموقف من %1 إلى %2</translation>
    </message>
    <message>
        <source>Change stances</source>
        <translation>تغيير المواقف</translation>
    </message>
</context>
<context>
    <name>StanceRow</name>
    <message>
        <source>Target</source>
        <translation>الهدف</translation>
    </message>
    <message>
        <source>Stance %1 target</source>
        <translation>هدف الموقف %1</translation>
    </message>
    <message>
        <source>Stance %1 value</source>
        <translation>قيمة الموقف %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>احذف</translation>
    </message>
    <message>
        <source>Remove stance %1</source>
        <translation>احذف الموقف %1</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>todo</source>
        <translation>للإنجاز</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجزة</translation>
    </message>
</context>
<context>
    <name>SuggestionList</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 ← %2</source>
        <translation>%1 ← %2</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
    <message>
        <source>suggesting…</source>
        <translation>جارٍ الاقتراح…</translation>
    </message>
    <message>
        <source>Suggesting speakers and claims in this long document…</source>
        <translation>جارٍ اقتراح المتحدثين والتصريحات في هذه الوثيقة الطويلة…</translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n suggestion(s).</source>
        <translation>
            <numerusform>لم يُقبل أي اقتراح.</numerusform>
            <numerusform>قُبل اقتراح واحد.</numerusform>
            <numerusform>قُبل اقتراحان.</numerusform>
            <numerusform>قُبلت %n اقتراحات.</numerusform>
            <numerusform>قُبل %n اقتراحًا.</numerusform>
            <numerusform>قُبل %n اقتراح.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) to decide: F8 next, Enter accept, Backspace reject, Ctrl+Shift+Enter accept all.</source>
        <translation>
            <numerusform>لا اقتراحات للبتّ فيها: F8 للتالي، Enter للقبول، Backspace للرفض، Ctrl+Shift+Enter لقبول الكل.</numerusform>
            <numerusform>اقتراح واحد للبتّ فيه: F8 للتالي، Enter للقبول، Backspace للرفض، Ctrl+Shift+Enter لقبول الكل.</numerusform>
            <numerusform>اقتراحان للبتّ فيهما: F8 للتالي، Enter للقبول، Backspace للرفض، Ctrl+Shift+Enter لقبول الكل.</numerusform>
            <numerusform>%n اقتراحات للبتّ فيها: F8 للتالي، Enter للقبول، Backspace للرفض، Ctrl+Shift+Enter لقبول الكل.</numerusform>
            <numerusform>%n اقتراحًا للبتّ فيها: F8 للتالي، Enter للقبول، Backspace للرفض، Ctrl+Shift+Enter لقبول الكل.</numerusform>
            <numerusform>%n اقتراح للبتّ فيها: F8 للتالي، Enter للقبول، Backspace للرفض، Ctrl+Shift+Enter لقبول الكل.</numerusform>
        </translation>
    </message>
    <message>
        <source>No speaker or claim to suggest in this document.</source>
        <translation>لا متحدث ولا تصريح يُقترح في هذه الوثيقة.</translation>
    </message>
    <message numerus="yes">
        <source>%n to decide</source>
        <translation>
            <numerusform>لا اقتراحات للبتّ فيها</numerusform>
            <numerusform>اقتراح واحد للبتّ فيه</numerusform>
            <numerusform>اقتراحان للبتّ فيهما</numerusform>
            <numerusform>%n اقتراحات للبتّ فيها</numerusform>
            <numerusform>%n اقتراحًا للبتّ فيها</numerusform>
            <numerusform>%n اقتراح للبتّ فيها</numerusform>
        </translation>
    </message>
    <message>
        <source>none to decide</source>
        <translation>لا اقتراحات للبتّ فيها</translation>
    </message>
    <message>
        <source>Every suggestion of this document is decided.</source>
        <translation>بُتّ في كل اقتراحات هذه الوثيقة.</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>suggestion %1 was rejected in another window; nothing was accepted</source>
        <translation>رُفض الاقتراح %1 في نافذة أخرى؛ لم يُقبل شيء</translation>
    </message>
    <message>
        <source>Accept suggested %1 %2</source>
        <translation>قبول %1 مقترح %2</translation>
    </message>
    <message>
        <source>suggestion %1 was accepted already, in another window or by another command; nothing new was stored</source>
        <translation>قُبل الاقتراح %1 من قبل، في نافذة أخرى أو بأمر آخر؛ لم يُخزَّن شيء جديد</translation>
    </message>
    <message>
        <source>Accept all suggestions of the document</source>
        <translation>قبول كل اقتراحات الوثيقة</translation>
    </message>
    <message>
        <source>only suggestions can be rejected</source>
        <translation>لا يُرفض إلا الاقتراحات</translation>
    </message>
    <message>
        <source>Reject suggested %1 %2</source>
        <translation>رفض %1 مقترح %2</translation>
    </message>
    <message>
        <source>Suggest speakers and claims</source>
        <translation>اقتراح المتحدثين والتصريحات</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <source>Accept all suggestions</source>
        <translation>قبول كل الاقتراحات</translation>
    </message>
    <message>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>TeamProgressDialog</name>
    <message>
        <source>Team progress</source>
        <translation>تقدّم الفريق</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>حدِّث (&amp;R)</translation>
    </message>
    <message>
        <source>Reading progress from the team server…</source>
        <translation>جارٍ قراءة التقدّم من خادم الفريق…</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>لا أعضاء</numerusform>
            <numerusform>عضو واحد</numerusform>
            <numerusform>عضوان</numerusform>
            <numerusform>%n أعضاء</numerusform>
            <numerusform>%n عضوًا</numerusform>
            <numerusform>%n عضو</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress could not be read: %1</source>
        <translation>تعذّرت قراءة التقدّم: %1</translation>
    </message>
</context>
<context>
    <name>TeamProgressModel</name>
    <message>
        <source>Annotator</source>
        <translation>المعلق</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>المُسنَدة</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>للإنجاز</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>منجزة</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>آخر مزامنة</translation>
    </message>
    <message>
        <source>never</source>
        <translation>لم تحدث قط</translation>
    </message>
</context>
<context>
    <name>TeamSync</name>
    <message>
        <source>Sync with team now</source>
        <translation>المزامنة مع الفريق الآن</translation>
    </message>
    <message>
        <source>Team progress…</source>
        <translation>تقدّم الفريق…</translation>
    </message>
    <message>
        <source>Assign documents…</source>
        <translation>تكليف بالوثائق…</translation>
    </message>
    <message>
        <source>Coordinators assign documents to team members</source>
        <translation>المنسّقون يكلّفون أعضاء الفريق بالوثائق</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>الفريق (&amp;T)</translation>
    </message>
    <message numerus="yes">
        <source>Sync found %n conflict(s): resolve them in Review.</source>
        <translation>
            <numerusform>لم تجد المزامنة أي تعارض.</numerusform>
            <numerusform>وجدت المزامنة تعارضًا واحدًا: احسمه في المراجعة.</numerusform>
            <numerusform>وجدت المزامنة تعارضين: احسمهما في المراجعة.</numerusform>
            <numerusform>وجدت المزامنة %n تعارضات: احسمها في المراجعة.</numerusform>
            <numerusform>وجدت المزامنة %n تعارضًا: احسمها في المراجعة.</numerusform>
            <numerusform>وجدت المزامنة %n تعارض: احسمها في المراجعة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team: %n conflict(s)</source>
        <translation>
            <numerusform>الفريق: لا تعارضات</numerusform>
            <numerusform>الفريق: تعارض واحد</numerusform>
            <numerusform>الفريق: تعارضان</numerusform>
            <numerusform>الفريق: %n تعارضات</numerusform>
            <numerusform>الفريق: %n تعارضًا</numerusform>
            <numerusform>الفريق: %n تعارض</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team: offline, %n change(s) pending</source>
        <translation>
            <numerusform>الفريق: غير متصل، لا تغييرات معلّقة</numerusform>
            <numerusform>الفريق: غير متصل، تغيير واحد معلّق</numerusform>
            <numerusform>الفريق: غير متصل، تغييران معلّقان</numerusform>
            <numerusform>الفريق: غير متصل، %n تغييرات معلّقة</numerusform>
            <numerusform>الفريق: غير متصل، %n تغييرًا معلّقًا</numerusform>
            <numerusform>الفريق: غير متصل، %n تغيير معلّق</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team: login refused, %n change(s) pending</source>
        <translation>
            <numerusform>الفريق: رُفض الدخول، لا تغييرات معلّقة</numerusform>
            <numerusform>الفريق: رُفض الدخول، تغيير واحد معلّق</numerusform>
            <numerusform>الفريق: رُفض الدخول، تغييران معلّقان</numerusform>
            <numerusform>الفريق: رُفض الدخول، %n تغييرات معلّقة</numerusform>
            <numerusform>الفريق: رُفض الدخول، %n تغييرًا معلّقًا</numerusform>
            <numerusform>الفريق: رُفض الدخول، %n تغيير معلّق</numerusform>
        </translation>
    </message>
    <message>
        <source>Team: server busy, trying again</source>
        <translation>الفريق: الخادم مشغول، ستُعاد المحاولة</translation>
    </message>
    <message>
        <source>Team: sync refused</source>
        <translation>الفريق: رُفضت المزامنة</translation>
    </message>
    <message>
        <source>Team: syncing…</source>
        <translation>الفريق: جارٍ المزامنة…</translation>
    </message>
    <message numerus="yes">
        <source>Team: %n change(s) pending</source>
        <translation>
            <numerusform>الفريق: لا تغييرات معلّقة</numerusform>
            <numerusform>الفريق: تغيير واحد معلّق</numerusform>
            <numerusform>الفريق: تغييران معلّقان</numerusform>
            <numerusform>الفريق: %n تغييرات معلّقة</numerusform>
            <numerusform>الفريق: %n تغييرًا معلّقًا</numerusform>
            <numerusform>الفريق: %n تغيير معلّق</numerusform>
        </translation>
    </message>
    <message>
        <source>Team: synced</source>
        <translation>الفريق: متزامن</translation>
    </message>
    <message numerus="yes">
        <source>, %n change(s) not yours kept locally</source>
        <translation>
            <numerusform>، لا تغييرات ليست لك محفوظة محليًا</numerusform>
            <numerusform>، تغيير واحد ليس لك محفوظ محليًا</numerusform>
            <numerusform>، تغييران ليسا لك محفوظان محليًا</numerusform>
            <numerusform>، %n تغييرات ليست لك محفوظة محليًا</numerusform>
            <numerusform>، %n تغييرًا ليس لك محفوظًا محليًا</numerusform>
            <numerusform>، %n تغيير ليس لك محفوظ محليًا</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>Undo %1</source>
        <translation>تراجع عن %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>إعادة %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Tag %1 %2</source>
        <translation>وسم %1 %2</translation>
    </message>
    <message>
        <source>only your own annotations can be changed here</source>
        <translation>لا يمكن هنا تغيير إلا تعليقاتك</translation>
    </message>
    <message>
        <source>only your own annotations can be deleted here</source>
        <translation>لا يمكن هنا حذف إلا تعليقاتك</translation>
    </message>
    <message>
        <source>Delete %1 %2</source>
        <translation>حذف %1 %2</translation>
    </message>
    <message>
        <source>the %1 %2 was deleted in another window; nothing was changed</source>
        <translation>حُذف %1 %2 في نافذة أخرى؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>the %1 %2 to link to was deleted in another window; nothing was changed</source>
        <translation>حُذف في نافذة أخرى %1 %2 المراد الربط به؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>the %1 %2 to link to was made a %3 in another window; nothing was changed</source>
        <translation>جُعل %1 %2 المراد الربط به %3 في نافذة أخرى؛ لم يتغير شيء</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>binary file (contains NUL characters), not a text article</source>
        <translation>ملف ثنائي (فيه محارف NUL)، وليس نصَّ مقال</translation>
    </message>
    <message>
        <source>lone surrogate character: the file is damaged</source>
        <translation>محرف بديل منفرد (surrogate): الملف تالف</translation>
    </message>
    <message>
        <source>control character U+%1: a binary file, not a text article</source>
        <translation>محرف تحكم U+%1: ملف ثنائي، لا نص مقال</translation>
    </message>
    <message>
        <source>empty file: no text to annotate</source>
        <translation>ملف فارغ: لا نص للتعليق عليه</translation>
    </message>
    <message>
        <source>not valid %1 text (byte %2)%3</source>
        <translation>نص غير صالح بترميز %1 (البايت %2)%3</translation>
    </message>
    <message>
        <source>binary file (contains NUL bytes), not a text article</source>
        <translation>ملف ثنائي (فيه بايتات NUL)، وليس نصَّ مقال</translation>
    </message>
    <message>
        <source>lone surrogate in %1 text: the file is damaged</source>
        <translation>محرف بديل منفرد في نص %1: الملف تالف</translation>
    </message>
    <message>
        <source>not valid %1: the file ends inside a character</source>
        <translation>ليس %1 صالحًا: ينتهي الملف في منتصف محرف</translation>
    </message>
    <message>
        <source>not UTF-8, and not Arabic text in Windows-1256 or ISO-8859-6%1; give its encoding with --encoding</source>
        <translation>ليس UTF-8، ولا نصًّا عربيًّا بترميز Windows-1256 أو ISO-8859-6%1؛ حدِّد ترميزه بالخيار --encoding</translation>
    </message>
    <message>
        <source>%1 is not a text encoding</source>
        <translation>%1 ليس ترميزًا نصيًّا</translation>
    </message>
    <message>
        <source>unknown encoding %1</source>
        <translation>ترميز غير معروف %1</translation>
    </message>
    <message>
        <source>the label schema has no layer linking claims to speakers</source>
        <translation>ليس في مخطط الوسوم طبقة تربط التصريحات بالمتحدثين</translation>
    </message>
    <message>
        <source>only suggestions can be rejected</source>
        <translation>لا يُرفض إلا الاقتراح</translation>
    </message>
    <message>
        <source>only suggestions can be accepted</source>
        <translation>لا يُقبل إلا الاقتراح</translation>
    </message>
    <message>
        <source>choose an annotator other than %1</source>
        <translation>اختر مُعلِّقًا غير %1</translation>
    </message>
    <message>
        <source>%1 %2 is not an ISO 8601 time in UTC (like 2024-05-01T12:00:00Z)</source>
        <translation>%1 %2 ليس وقتًا بصيغة ISO 8601 بالتوقيت العالمي (مثل 2024-05-01T12:00:00Z)</translation>
    </message>
    <message>
        <source>%1 has already tagged this span as %2 (%3)</source>
        <translation>سبق أن وسم %1 هذا المقطع %2 (%3)</translation>
    </message>
    <message>
        <source>%1 has already tagged this span as %2 (%3); a joint statement is one claim per speaker, each linked to its speaker</source>
        <translation>سبق أن وسم %1 هذا المقطع %2 (%3)؛ التصريح المشترك تصريح لكل متحدث، كلٌّ مربوط بمتحدثه</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1، السطر %2: %3</translation>
    </message>
    <message>
        <source>annotation %1</source>
        <translation>التعليق %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>السطر %1: %2</translation>
    </message>
    <message>
        <source>--map applies to doccano, spaCy-style and Label Studio files only</source>
        <translation>الخيار --map لملفات doccano وspaCy وLabel Studio فقط</translation>
    </message>
    <message>
        <source>no annotation files in this folder: brat needs .ann files (each beside its .txt), XMI .xmi files with a %1</source>
        <translation>لا ملفات تعليقات في هذا المجلد: يحتاج brat ملفات ‎.ann (كلٌّ بجانب ملف ‎.txt الخاص به)، ويحتاج XMI ملفات ‎.xmi مع %1</translation>
    </message>
    <message>
        <source>--document applies to the gold format only</source>
        <translation>الخيار --document للصيغة المرجعية (gold) فقط</translation>
    </message>
    <message>
        <source>UIMA CAS XMI: annotations, not articles; import the folder holding TypeSystem.xml and the .xmi files with `annotator import-annotations FOLDER`</source>
        <translation>UIMA CAS XMI: تعليقات لا مقالات؛ استورد المجلد الذي فيه TypeSystem.xml وملفات ‎.xmi بالأمر `annotator import-annotations FOLDER`</translation>
    </message>
    <message>
        <source>import cancelled; nothing of the batch was stored</source>
        <translation>أُلغي الاستيراد؛ لم يُخزَّن شيء من الدفعة</translation>
    </message>
    <message>
        <source>UIMA CAS XMI in a zip: annotations, not articles; import them with `annotator import-annotations %1`</source>
        <translation>UIMA CAS XMI في ملف zip: تعليقات لا مقالات؛ استوردها بالأمر `annotator import-annotations %1`</translation>
    </message>
    <message>
        <source>no articles: no JSON object in the file</source>
        <translation>لا مقالات: ليس في الملف كائن JSON</translation>
    </message>
    <message>
        <source>%1, not articles: import them with annotator import-annotations</source>
        <translation>%1، لا مقالات: استوردها بالأمر `annotator import-annotations`</translation>
    </message>
    <message>
        <source>lone surrogate (\ud800-\udfff) in a JSON string: not text</source>
        <translation>محرف بديل منفرد (\ud800-\udfff) في سلسلة JSON: ليس نصًّا</translation>
    </message>
    <message>
        <source>JSON nested too deeply</source>
        <translation>تداخل JSON أعمق من اللازم</translation>
    </message>
    <message>
        <source>a JSON %1, not an object ({&quot;text&quot;: …})</source>
        <translation>%1 في JSON، لا كائن ({&quot;text&quot;: …})</translation>
    </message>
    <message>
        <source>not valid JSON: %1 (column %2)</source>
        <translation>JSON غير صالح: %1 (العمود %2)</translation>
    </message>
    <message>
        <source>not valid JSON: a number with too many digits</source>
        <translation>JSON غير صالح: عدد بأرقام أكثر من اللازم</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>JSON غير صالح: %1</translation>
    </message>
    <message>
        <source>%1 is a file; brat export needs a folder</source>
        <translation>%1 ملف؛ يحتاج التصدير إلى brat مجلدًا</translation>
    </message>
    <message>
        <source>unknown way to write entities %1 (known: %2)</source>
        <translation>طريقة غير معروفة لكتابة الكيانات %1 (المعروف: %2)</translation>
    </message>
    <message>
        <source>no .ann files in this folder</source>
        <translation>لا ملفات ‎.ann في هذا المجلد</translation>
    </message>
    <message>
        <source>no such file (brat needs the .txt beside the .ann)</source>
        <translation>لا ملف بهذا الاسم (يحتاج brat ملف ‎.txt بجانب ملف ‎.ann)</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>ليس نصًّا بترميز UTF-8</translation>
    </message>
    <message>
        <source>offsets %1 are not inside the text (0-%2)</source>
        <translation>الإزاحات %1 خارج النص (0-%2)</translation>
    </message>
    <message>
        <source>span text %1 does not match the document at %2 (%3)</source>
        <translation>نص المقطع %1 لا يطابق الوثيقة عند %2 (%3)</translation>
    </message>
    <message>
        <source>empty span %1</source>
        <translation>مقطع فارغ %1</translation>
    </message>
    <message>
        <source>event %1 is not %2</source>
        <translation>الحدث %1 ليس %2</translation>
    </message>
    <message>
        <source>event type %1 is not %2, the one event read</source>
        <translation>نوع الحدث %1 ليس %2، وهو الحدث الوحيد الذي يُقرأ</translation>
    </message>
    <message>
        <source>event %1 has a %2 but no %3</source>
        <translation>للحدث %1 ‏%2 وليس له %3</translation>
    </message>
    <message>
        <source>%1 is the trigger of a second event (line %2)</source>
        <translation>%1 هو مُطلِق حدث ثانٍ (السطر %2)</translation>
    </message>
    <message>
        <source>the %1 layer has no link for a %2</source>
        <translation>ليس للطبقة %1 ربط لـ%2</translation>
    </message>
    <message>
        <source>%1 gives %2 the %3 %4, but line %5 gives it %6</source>
        <translation>يعطي %1 ‏%2 القيمة %3 %4، لكن السطر %5 يعطيه %6</translation>
    </message>
    <message>
        <source>this brat file records no annotator; give one with --annotator NAME</source>
        <translation>لا يسجّل ملف brat هذا مُعلِّقًا؛ حدِّده بالخيار --annotator NAME</translation>
    </message>
    <message>
        <source>note %1 is not in the form &apos;name: value | name: value&apos;</source>
        <translation>الملاحظة %1 ليست بالشكل &apos;name: value | name: value&apos;</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>تعذّرت القراءة: %1</translation>
    </message>
    <message>
        <source>not a brat line (no tab after the id)</source>
        <translation>ليس سطر brat (لا جدولة بعد المعرِّف)</translation>
    </message>
    <message>
        <source>offsets %1 are not numbers</source>
        <translation>الإزاحات %1 ليست أعدادًا</translation>
    </message>
    <message>
        <source>discontinuous span %1: only spans cut at line breaks can be imported</source>
        <translation>مقطع متقطع %1: لا يُستورد إلا مقطع مقطوع عند فواصل الأسطر</translation>
    </message>
    <message>
        <source>%1 refers to %2, which is not a text annotation</source>
        <translation>يشير %1 إلى %2، وهو ليس تعليقًا نصيًّا</translation>
    </message>
    <message>
        <source>attribute %1 has no value (binary ones are not used)</source>
        <translation>السمة %1 بلا قيمة (السمات الثنائية غير مستعملة)</translation>
    </message>
    <message>
        <source>%1: the %2 %3 is a %4, not a %5</source>
        <translation>%1: ‏%2 ‏%3 من النوع %4، لا %5</translation>
    </message>
    <message>
        <source>unknown escape \%1 in %2</source>
        <translation>تهريب غير معروف \%1 في %2</translation>
    </message>
    <message>
        <source>%1 exists; use --force to overwrite</source>
        <translation>%1 موجود؛ استعمل --force للكتابة فوقه</translation>
    </message>
    <message>
        <source>event id %1 is not E and a number used once</source>
        <translation>معرِّف الحدث %1 ليس E يليه عدد مستعمل مرة واحدة</translation>
    </message>
    <message>
        <source>relation %1 is not &apos;TYPE Arg1:T.. Arg2:T..&apos;</source>
        <translation>العلاقة %1 ليست بالشكل &apos;TYPE Arg1:T.. Arg2:T..&apos;</translation>
    </message>
    <message>
        <source>%1 %2 is not a UUID</source>
        <translation>%1 %2 ليس UUID</translation>
    </message>
    <message>
        <source>relation %1 is not a link of layer %2</source>
        <translation>العلاقة %1 ليست ربطًا في الطبقة %2</translation>
    </message>
    <message>
        <source>\u%1 in %2 is not a character</source>
        <translation>\u%1 في %2 ليس محرفًا</translation>
    </message>
    <message>
        <source>%1 is given twice</source>
        <translation>%1 مذكور مرتين</translation>
    </message>
    <message>
        <source>%1 has a second link (line %2 links it to %3)</source>
        <translation>لـ%1 ربط ثانٍ (السطر %2 يربطه بـ%3)</translation>
    </message>
    <message>
        <source>normalization %1 is not &apos;Reference T.. DB:ID&apos;</source>
        <translation>التسوية %1 ليست بالشكل &apos;Reference T.. DB:ID&apos;</translation>
    </message>
    <message>
        <source>%1 has a second entity</source>
        <translation>لـ%1 كيان ثانٍ</translation>
    </message>
    <message>
        <source>comment %1 is not &apos;TYPE T..&apos;</source>
        <translation>الملاحظة %1 ليست بالشكل &apos;TYPE T..&apos;</translation>
    </message>
    <message>
        <source>id %1 is not a UUID</source>
        <translation>المعرِّف %1 ليس UUID</translation>
    </message>
    <message>
        <source>events are read only into a project whose schema has a cue layer (annotator init PROJECT --schema attribution)</source>
        <translation>لا تُقرأ الأحداث إلا في مشروع في مخطط وسومه طبقة للفظ الإسناد (`annotator init PROJECT --schema attribution`)</translation>
    </message>
    <message>
        <source>comment type %1 is not supported</source>
        <translation>نوع الملاحظة %1 غير مدعوم</translation>
    </message>
    <message>
        <source>stance %1 is not &apos;target=value&apos;</source>
        <translation>الموقف %1 ليس بالشكل &apos;target=value&apos;</translation>
    </message>
    <message>
        <source>unknown note field %1 for layer %2</source>
        <translation>حقل ملاحظة غير معروف %1 للطبقة %2</translation>
    </message>
    <message>
        <source>equivalences and modifiers are not supported</source>
        <translation>التكافؤات والمُعدِّلات غير مدعومة</translation>
    </message>
    <message>
        <source>unknown brat annotation %1</source>
        <translation>تعليق brat غير معروف %1</translation>
    </message>
    <message>
        <source>unknown %1 field %2</source>
        <translation>حقل %1 غير معروف %2</translation>
    </message>
    <message>
        <source>no document with id %1</source>
        <translation>لا وثيقة بالمعرِّف %1</translation>
    </message>
    <message>
        <source>no annotator named %1 (annotators: %2)</source>
        <translation>لا مُعلِّق باسم %1 (المعلقون: %2)</translation>
    </message>
    <message>
        <source>document %1 of the project has another text (they differ from code point %2: %3 here, %4 in the file; %5 and %6 code points): the file&apos;s text was added as %7</source>
        <translation>للوثيقة %1 في المشروع نص آخر (يختلفان من نقطة الترميز %2: %3 هنا، و%4 في الملف؛ %5 و%6 نقطة ترميز): أُضيف نص الملف باسم %7</translation>
    </message>
    <message>
        <source>no annotations in this file</source>
        <translation>لا تعليقات في هذا الملف</translation>
    </message>
    <message>
        <source>the document text holds NUL characters: not a text article</source>
        <translation>في نص الوثيقة محارف NUL: ليس نص مقال</translation>
    </message>
    <message>
        <source>this file is in the gold format, which records no annotator; give one with --annotator NAME</source>
        <translation>هذا الملف بالصيغة المرجعية (gold) التي لا تسجّل مُعلِّقًا؛ حدِّده بالخيار --annotator NAME</translation>
    </message>
    <message>
        <source>on line %1 of this file</source>
        <translation>في السطر %1 من هذا الملف</translation>
    </message>
    <message>
        <source>each line must be a JSON object</source>
        <translation>يجب أن يكون كل سطر كائن JSON</translation>
    </message>
    <message>
        <source>a lone surrogate (\ud800-\udfff) in a JSON string: not text</source>
        <translation>محرف بديل منفرد (\ud800-\udfff) في سلسلة JSON: ليس نصًّا</translation>
    </message>
    <message>
        <source>%1 must be %2, got %3</source>
        <translation>يجب أن يكون %1 ‏%2، والموجود %3</translation>
    </message>
    <message>
        <source>a JSON Lines export written with --only (no header line, first record of type %1): it is for analysis; import the full jsonl export</source>
        <translation>تصدير JSON Lines كُتب بالخيار --only (بلا سطر ترويسة، وأول سجل من النوع %1): هو للتحليل؛ استورد تصدير jsonl الكامل</translation>
    </message>
    <message>
        <source>annotation %1, already in the project</source>
        <translation>التعليق %1، الموجود في المشروع من قبل</translation>
    </message>
    <message>
        <source>no document in the project has this document_sha256</source>
        <translation>لا وثيقة في المشروع لها قيمة document_sha256 هذه</translation>
    </message>
    <message>
        <source>unknown record type(s) %1 (known: %2)</source>
        <translation>نوع (أنواع) سجل غير معروف %1 (المعروف: %2)</translation>
    </message>
    <message>
        <source>export format version %1; this version reads up to %2</source>
        <translation>إصدار صيغة التصدير %1؛ هذا الإصدار يقرأ حتى %2</translation>
    </message>
    <message>
        <source>no document in the project or the file has this sha256</source>
        <translation>لا وثيقة في المشروع أو الملف لها قيمة sha256 هذه</translation>
    </message>
    <message>
        <source>a stance is a [target, value] pair, got %1</source>
        <translation>الموقف زوج [الهدف، القيمة]، والموجود %1</translation>
    </message>
    <message>
        <source>unknown record type %1</source>
        <translation>نوع سجل غير معروف %1</translation>
    </message>
    <message>
        <source>the document text must be a string</source>
        <translation>يجب أن يكون نص الوثيقة سلسلة نصية</translation>
    </message>
    <message>
        <source>the document&apos;s sha256 does not match its text</source>
        <translation>قيمة sha256 للوثيقة لا تطابق نصها</translation>
    </message>
    <message>
        <source>a document needs its text, sha256 or id</source>
        <translation>تحتاج الوثيقة إلى نصها أو sha256 أو معرِّفها</translation>
    </message>
    <message>
        <source>annotation %1 is given twice</source>
        <translation>التعليق %1 مذكور مرتين</translation>
    </message>
    <message>
        <source>not valid JSON (%1)</source>
        <translation>JSON غير صالح (%1)</translation>
    </message>
    <message>
        <source>document %1 is not in the project and the file does not hold its text</source>
        <translation>الوثيقة %1 ليست في المشروع ولا يحوي الملف نصها</translation>
    </message>
    <message>
        <source>document %1 of the project has another text</source>
        <translation>للوثيقة %1 في المشروع نص آخر</translation>
    </message>
    <message>
        <source>entity: %1</source>
        <translation>الكيان: %1</translation>
    </message>
    <message>
        <source>span %1-%2: offsets must be whole numbers</source>
        <translation>المقطع %1-%2: يجب أن تكون الإزاحات أعدادًا صحيحة</translation>
    </message>
    <message>
        <source>links to %1, which is not in this file</source>
        <translation>يرتبط بـ%1، وهو ليس في هذا الملف</translation>
    </message>
    <message>
        <source>annotation %1 is part of a circle of links</source>
        <translation>التعليق %1 جزء من حلقة ربط دائرية</translation>
    </message>
    <message>
        <source>links to %1, which is in neither file nor project</source>
        <translation>يرتبط بـ%1، وهو ليس في الملف ولا في المشروع</translation>
    </message>
    <message>
        <source>entity %1 is not in this file</source>
        <translation>الكيان %1 ليس في هذا الملف</translation>
    </message>
    <message>
        <source>no %1 holds the article text (none is called %2…); choose one of the %3</source>
        <translation>لا %1 يحوي نص المقال (لا شيء اسمه %2…)؛ اختر واحدًا من %3</translation>
    </message>
    <message>
        <source>%1no text (the %2 value is empty or missing)</source>
        <translation>%1لا نص (القيمة %2 فارغة أو مفقودة)</translation>
    </message>
    <message>
        <source>%1the %2 value is not a string</source>
        <translation>%1القيمة %2 ليست سلسلة نصية</translation>
    </message>
    <message>
        <source>%1the %2 value is missing or not a string</source>
        <translation>%1القيمة %2 مفقودة أو ليست سلسلة نصية</translation>
    </message>
    <message>
        <source>%1no id (the %2 value is empty)</source>
        <translation>%1لا معرِّف (القيمة %2 فارغة)</translation>
    </message>
    <message>
        <source>%1the id is longer than %2 characters</source>
        <translation>%1المعرِّف أطول من %2 محرفًا</translation>
    </message>
    <message>
        <source>no %1 %2 for the %3 (%4)</source>
        <translation>لا %1 %2 لـ%3 (%4)</translation>
    </message>
    <message>
        <source>spaCy changed the text while splitting tokens</source>
        <translation>غيّر spaCy النص أثناء تقسيم الرموز</translation>
    </message>
    <message>
        <source>the spaCy export needs spaCy: pip install &apos;arabic-news-annotator[spacy]&apos;</source>
        <translation>يحتاج التصدير إلى spaCy إلى حزمة spaCy: pip install &apos;arabic-news-annotator[spacy]&apos;</translation>
    </message>
    <message>
        <source>%1: span annotations, not articles; import them with `annotator import-annotations %2%3` (--map TAG=layer for their labels)</source>
        <translation>%1: تعليقات مقاطع لا مقالات؛ استوردها بالأمر `annotator import-annotations %2%3` (‏--map TAG=layer لوسومها)</translation>
    </message>
    <message>
        <source>%1: span annotations, not articles; this tool reads Label Studio&apos;s full JSON export (Export &gt; JSON, with &apos;annotations&apos; and &apos;result&apos;), not JSON-MIN: export again as JSON and run `annotator import-annotations FILE.json`</source>
        <translation>%1: تعليقات مقاطع لا مقالات؛ يقرأ هذا البرنامج تصدير JSON الكامل من Label Studio (Export &gt; JSON، بالحقلين &apos;annotations&apos; و&apos;result&apos;)، لا JSON-MIN: صدِّر مرة أخرى بصيغة JSON ونفِّذ `annotator import-annotations FILE.json`</translation>
    </message>
    <message>
        <source>no text (the &apos;text&apos; value is empty, missing or not a string)</source>
        <translation>لا نص (القيمة &apos;text&apos; فارغة أو مفقودة أو ليست سلسلة نصية)</translation>
    </message>
    <message>
        <source>&apos;entities&apos; is not a list</source>
        <translation>القيمة &apos;entities&apos; ليست قائمة</translation>
    </message>
    <message>
        <source>a task without &apos;data&apos;</source>
        <translation>مهمة بلا &apos;data&apos;</translation>
    </message>
    <message>
        <source>the task&apos;s data has no &apos;text&apos; (nor one string value)</source>
        <translation>ليس في بيانات المهمة &apos;text&apos; (ولا قيمة نصية واحدة)</translation>
    </message>
    <message>
        <source>a task is not a JSON object</source>
        <translation>المهمة ليست كائن JSON</translation>
    </message>
    <message>
        <source>%1 %2 is a string; offsets must be JSON numbers (code points)</source>
        <translation>%1 %2 سلسلة نصية؛ يجب أن تكون الإزاحات أعداد JSON (نقاط ترميز)</translation>
    </message>
    <message>
        <source>%1 %2 is not a whole number</source>
        <translation>%1 %2 ليس عددًا صحيحًا</translation>
    </message>
    <message>
        <source>span %1-%2 is not inside the text (%3 code points)%4</source>
        <translation>المقطع %1-%2 خارج النص (%3 نقطة ترميز)%4</translation>
    </message>
    <message>
        <source>span %1-%2 is %3 in the text, the file says %4 (offsets must be code points)</source>
        <translation>المقطع %1-%2 هو %3 في النص، ويقول الملف %4 (يجب أن تكون الإزاحات نقاط ترميز)</translation>
    </message>
    <message>
        <source>span id %1 is given twice</source>
        <translation>معرِّف المقطع %1 مذكور مرتين</translation>
    </message>
    <message>
        <source>not a %1 export (a list of tasks with &apos;data&apos; and &apos;annotations&apos;)</source>
        <translation>ليس تصدير %1 (قائمة مهام فيها &apos;data&apos; و&apos;annotations&apos;)</translation>
    </message>
    <message>
        <source>%1: no annotations in this file</source>
        <translation>%1: لا تعليقات في هذا الملف</translation>
    </message>
    <message>
        <source>result %1: %2 is not a choice or text attribute of %3</source>
        <translation>النتيجة %1: ‏%2 ليست سمة اختيار أو نص لـ%3</translation>
    </message>
    <message>
        <source>result %1 (%2): one value expected, got %3</source>
        <translation>النتيجة %1 (%2): يُنتظر قيمة واحدة، والموجود %3</translation>
    </message>
    <message>
        <source>doccano and spaCy-style JSONL record no annotator; give one with --annotator NAME</source>
        <translation>لا تسجّل ملفات doccano وJSONL على طريقة spaCy مُعلِّقًا؛ حدِّده بالخيار --annotator NAME</translation>
    </message>
    <message>
        <source>--map %1: write TAG=layer (or TAG=- to leave it out)</source>
        <translation>‏--map %1: اكتب TAG=layer (أو TAG=- لتركه)</translation>
    </message>
    <message>
        <source>label %1 is no layer of this project; map it with --map %2=LAYER (layers: %3) or %2=-</source>
        <translation>الوسم %1 ليس طبقة في هذا المشروع؛ اربطه بالخيار --map %2=LAYER (الطبقات: %3) أو %2=-</translation>
    </message>
    <message>
        <source>entity %1 is not an object</source>
        <translation>الكيان %1 ليس كائنًا</translation>
    </message>
    <message>
        <source>span %1 is not an object</source>
        <translation>المقطع %1 ليس كائنًا</translation>
    </message>
    <message>
        <source>relation %1 is not an object</source>
        <translation>العلاقة %1 ليست كائنًا</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2)</source>
        <translation>%1: JSON غير صالح (%2)</translation>
    </message>
    <message>
        <source>a lone surrogate in a JSON string: not text</source>
        <translation>محرف بديل منفرد في سلسلة JSON: ليس نصًّا</translation>
    </message>
    <message>
        <source>%1: span %2 is not in this document</source>
        <translation>%1: المقطع %2 ليس في هذه الوثيقة</translation>
    </message>
    <message>
        <source>span %1: tags %2-%3 as %4 again (span %5); one annotator tags a span once a layer</source>
        <translation>المقطع %1: يسم %2-%3 ‏%4 مرة أخرى (المقطع %5)؛ يسم المُعلِّق المقطع مرة واحدة في كل طبقة</translation>
    </message>
    <message>
        <source>--map names layer %1, not in the schema (%2)</source>
        <translation>يسمّي الخيار --map الطبقة %1، وهي ليست في مخطط الوسوم (%2)</translation>
    </message>
    <message>
        <source>annotation %1: a result is not an object</source>
        <translation>التعليق %1: إحدى النتائج ليست كائنًا</translation>
    </message>
    <message>
        <source>span %1: %2</source>
        <translation>المقطع %1: %2</translation>
    </message>
    <message>
        <source>region %1: %2 labels, not one</source>
        <translation>المنطقة %1: ‏%2 وسوم، لا وسم واحد</translation>
    </message>
    <message>
        <source>%1: span %2 links to two spans</source>
        <translation>%1: المقطع %2 مربوط بمقطعين</translation>
    </message>
    <message>
        <source>result %1: type %2 is not a labels region, relation, or a region&apos;s choices or text</source>
        <translation>النتيجة %1: النوع %2 ليس منطقة وسوم ولا علاقة ولا اختيارات منطقة أو نصها</translation>
    </message>
    <message>
        <source>no articles: the table has a header row only</source>
        <translation>لا مقالات: في الجدول صف الترويسة وحده</translation>
    </message>
    <message>
        <source>empty table: no header row</source>
        <translation>جدول فارغ: لا صف ترويسة</translation>
    </message>
    <message>
        <source>the header names column %1 twice</source>
        <translation>تذكر الترويسة العمود %1 مرتين</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>الصف %1: %2</translation>
    </message>
    <message>
        <source>row %1 has %2 cells, the header has %3</source>
        <translation>في الصف %1 ‏%2 خلية، وفي الترويسة %3</translation>
    </message>
    <message>
        <source>no .txt files in this folder</source>
        <translation>لا ملفات ‎.txt في هذا المجلد</translation>
    </message>
    <message>
        <source>sheet %1 would have more than %2 rows, Excel&apos;s limit; export fewer documents or use csv</source>
        <translation>ستزيد الورقة %1 على %2 صفًّا، وهو حد Excel؛ صدِّر وثائق أقل أو استعمل csv</translation>
    </message>
    <message>
        <source>sheet %1 row %2 column %3: %4 characters, more than Excel&apos;s %5; use csv or jsonl</source>
        <translation>الورقة %1 الصف %2 العمود %3: ‏%4 محرفًا، أكثر من حد Excel البالغ %5؛ استعمل csv أو jsonl</translation>
    </message>
    <message>
        <source>no .xmi file here</source>
        <translation>لا ملف ‎.xmi هنا</translation>
    </message>
    <message>
        <source>UIMA CAS XMI needs dkpro-cassis: pip install &apos;arabic-news-annotator[xmi]&apos;</source>
        <translation>يحتاج UIMA CAS XMI إلى حزمة dkpro-cassis: pip install &apos;arabic-news-annotator[xmi]&apos;</translation>
    </message>
    <message>
        <source>%1 holds U+%2 at character %3, which XML 1.0 cannot hold; export it as jsonl or brat instead</source>
        <translation>في %1 المحرف U+%2 عند الموضع %3، ولا يحمله XML 1.0؛ صدِّره بصيغة jsonl أو brat بدلًا منه</translation>
    </message>
    <message>
        <source>%1 is a file; XMI export needs a folder</source>
        <translation>%1 ملف؛ يحتاج التصدير إلى XMI مجلدًا</translation>
    </message>
    <message>
        <source>not a zip file</source>
        <translation>ليس ملف zip</translation>
    </message>
    <message>
        <source>no %1 beside the .xmi files: XMI is read with the type system of its export (INCEpTION writes one into every export)</source>
        <translation>لا %1 بجانب ملفات ‎.xmi: يُقرأ XMI بنظام الأنواع الذي صُدِّر معه (يكتب INCEpTION واحدًا في كل تصدير)</translation>
    </message>
    <message>
        <source>%1 has none of this project&apos;s layer types (%2); docs/inception.md shows how to define them</source>
        <translation>ليس في %1 أيٌّ من أنواع طبقات هذا المشروع (%2)؛ يشرح docs/inception.md كيف تُعرَّف</translation>
    </message>
    <message>
        <source>an empty file, not UIMA CAS XMI</source>
        <translation>ملف فارغ، لا UIMA CAS XMI</translation>
    </message>
    <message>
        <source>the CAS holds no document text</source>
        <translation>لا نص وثيقة في CAS</translation>
    </message>
    <message>
        <source>spans of layers this project lacks (%1; its layers: %2): nothing was imported; import into a project whose schema has these layers, or export from INCEpTION without them</source>
        <translation>مقاطع من طبقات ليست في هذا المشروع (%1؛ طبقاته: %2): لم يُستورد شيء؛ استورد إلى مشروع في مخطط وسومه هذه الطبقات، أو صدِّر من INCEpTION بدونها</translation>
    </message>
    <message>
        <source>%1offset %2 falls inside a character beyond U+FFFF (between the two UTF-16 units of an emoji or similar): not a character boundary</source>
        <translation>%1الإزاحة %2 تقع داخل محرف بعد U+FFFF (بين وحدتي UTF-16 لرمز تعبيري أو ما شابهه): ليست حدًّا بين محرفين</translation>
    </message>
    <message>
        <source>document %1 cannot be written as XML: %2</source>
        <translation>تتعذّر كتابة الوثيقة %1 بصيغة XML: %2</translation>
    </message>
    <message>
        <source>%1 is not a UIMA type system (%2)</source>
        <translation>%1 ليس نظام أنواع UIMA (%2)</translation>
    </message>
    <message>
        <source>not UIMA CAS XMI (%1)</source>
        <translation>ليس UIMA CAS XMI (%1)</translation>
    </message>
    <message>
        <source>%1: annotationId %2 is not a UUID</source>
        <translation>%1: قيمة annotationId ‏%2 ليست UUID</translation>
    </message>
    <message>
        <source>links to xmi:id %1, not an annotation of a layer</source>
        <translation>يرتبط بـxmi:id ‏%1، وهو ليس تعليقًا في طبقة</translation>
    </message>
    <message>
        <source>choose two different annotators to compare</source>
        <translation>اختر مُعلِّقَين مختلفَين للمقارنة</translation>
    </message>
    <message>
        <source>this disagreement is already decided; undo that first</source>
        <translation>حُكِم في هذا الاختلاف من قبل؛ تراجع عن ذلك أولًا</translation>
    </message>
    <message>
        <source>unknown choice %1 (a, b or reject)</source>
        <translation>اختيار غير معروف %1 (a أو b أو reject)</translation>
    </message>
    <message>
        <source>annotator %1 has no annotation here to accept</source>
        <translation>ليس للمُعلِّق %1 تعليق هنا ليُقبل</translation>
    </message>
    <message>
        <source>no decision %1</source>
        <translation>لا قرار %1</translation>
    </message>
    <message>
        <source>no annotator %1 in this project (annotators: %2)</source>
        <translation>لا مُعلِّق %1 في هذا المشروع (المعلقون: %2)</translation>
    </message>
    <message>
        <source>annotator %1 is given twice</source>
        <translation>المُعلِّق %1 مذكور مرتين</translation>
    </message>
    <message>
        <source>no merge conflict with id %1</source>
        <translation>لا تعارض دمج بالمعرِّف %1</translation>
    </message>
    <message>
        <source>a conflict is resolved as &apos;ours&apos; or &apos;theirs&apos;, not %1</source>
        <translation>يُحَل التعارض بـ&apos;ours&apos; (نسختنا) أو &apos;theirs&apos; (نسختهم)، لا %1</translation>
    </message>
    <message>
        <source>the conflict on annotation %1 was already resolved (%2)</source>
        <translation>حُلَّ التعارض على التعليق %1 من قبل (%2)</translation>
    </message>
    <message>
        <source>cannot take %1 version of annotation %2: %3</source>
        <translation>تعذّر أخذ النسخة %1 من التعليق %2: %3</translation>
    </message>
    <message>
        <source>merge conflict %1: their stored version is unreadable</source>
        <translation>تعارض الدمج %1: نسختهم المخزنة غير مقروءة</translation>
    </message>
    <message>
        <source>a project cannot be merged into itself</source>
        <translation>لا يُدمج مشروع في نفسه</translation>
    </message>
    <message>
        <source>merge cancelled; nothing was changed</source>
        <translation>أُلغي الدمج؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>annotation</source>
        <translation>التعليق</translation>
    </message>
    <message>
        <source>%1: entity %2: its name is not text or its aliases are not a list of names; nothing was merged</source>
        <translation>%1: الكيان %2: اسمه ليس نصًّا أو أسماؤه البديلة ليست قائمة أسماء؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>%1: document %2: its text does not match its SHA-256 (a damaged or hand-edited text); nothing was merged</source>
        <translation>%1: الوثيقة %2: نصها لا يطابق قيمة SHA-256 (نص تالف أو معدَّل يدويًّا)؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>%1 has no annotator %2 to rename (it has: %3); nothing was merged</source>
        <translation>ليس في %1 مُعلِّق %2 لتغيير اسمه (فيه: %3)؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>%1 was made by a newer version of this tool</source>
        <translation>صُنع %1 بإصدار أحدث من هذا البرنامج</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>تتعذّر قراءة %1: %2</translation>
    </message>
    <message>
        <source>unknown document status %1</source>
        <translation>حالة وثيقة غير معروفة %1</translation>
    </message>
    <message>
        <source>--rename takes OLD=NEW, got %1</source>
        <translation>يأخذ الخيار --rename الشكل OLD=NEW، والموجود %1</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>الكيان</translation>
    </message>
    <message>
        <source>%1: %2 id %3 is not a UUID; nothing was merged</source>
        <translation>%1: معرِّف %2 ‏%3 ليس UUID؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>%1: %2 %3: %4; nothing was merged</source>
        <translation>%1: %2 %3: %4؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>nothing was accepted: gold already tags %1 «%2» at %3-%4 (annotation %5), a span the annotators agree on; remove or move gold&apos;s tag there and accept all again, or accept the other agreements one by one</source>
        <translation>لم يُقبل شيء: في النسخة المرجعية وسم %1 «%2» عند %3-%4 (التعليق %5)، وهو مقطع يتفق عليه المُعلِّقان؛ احذف وسم النسخة المرجعية هناك أو انقله ثم اقبل الكل مجددًا، أو اقبل الاتفاقات الأخرى واحدًا واحدًا</translation>
    </message>
    <message>
        <source>nothing was accepted: %1</source>
        <translation>لم يُقبل شيء: %1</translation>
    </message>
    <message>
        <source>%1 cannot be read: it kept changing while it was copied; try again</source>
        <translation>تتعذّر قراءة %1: ظلّ يتغيّر أثناء نسخه؛ حاول مرة أخرى</translation>
    </message>
    <message>
        <source>deletion of annotation</source>
        <translation>حذف التعليق</translation>
    </message>
    <message>
        <source>its revision name %1 does not name revision %2</source>
        <translation>اسم إصداره %1 لا يدلّ على الإصدار %2</translation>
    </message>
    <message>
        <source>%1: a row of it breaks a rule of this project (an id held twice, or a value a check refuses); nothing was merged</source>
        <translation>%1: صفّ منه يخالف قاعدة من قواعد هذا المشروع (معرِّف مكرَّر، أو قيمة يرفضها فحص)؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>%1: %2 row(s) of its changed tables (%3) break this project&apos;s rules (a value a check refuses, or an id held twice); nothing was merged</source>
        <translation>%1: ‏%2 صفًّا من جداوله المعدَّلة (%3) تخالف قواعد هذا المشروع (قيمة يرفضها فحص، أو معرِّف مكرَّر)؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>%1: annotation %2 (%3 of %4 in %5): %6; nothing was merged</source>
        <translation>%1: التعليق %2 (%3 للمُعلِّق %4 في %5): %6؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>its text does not match the document</source>
        <translation>نصه لا يطابق الوثيقة</translation>
    </message>
    <message>
        <source>unknown layer %1 (this project&apos;s layers: %2)</source>
        <translation>طبقة غير معروفة %1 (طبقات هذا المشروع: %2)</translation>
    </message>
    <message>
        <source>%1: no [[layers]] defined</source>
        <translation>%1: لم تُعرَّف أي طبقة [[layers]]</translation>
    </message>
    <message>
        <source>%1: each [[layers]] entry must be a table</source>
        <translation>%1: يجب أن يكون كل مدخل [[layers]] جدولًا</translation>
    </message>
    <message>
        <source>%1: layer name %2 must be lower-case letters, digits, _</source>
        <translation>%1: يجب أن يتكون اسم الطبقة %2 من حروف لاتينية صغيرة وأرقام و_</translation>
    </message>
    <message>
        <source>%1: layer %2: color %3 must look like #a1b2c3</source>
        <translation>%1: الطبقة %2: يجب أن يكون اللون %3 مثل ‎#a1b2c3</translation>
    </message>
    <message>
        <source>%1: layer %2: shortcut must be one letter or digit</source>
        <translation>%1: الطبقة %2: يجب أن يكون الاختصار حرفًا واحدًا أو رقمًا</translation>
    </message>
    <message>
        <source>%1: attributes of layer %2 must be tables</source>
        <translation>%1: يجب أن تكون سمات الطبقة %2 جداول</translation>
    </message>
    <message>
        <source>%1: layer %2: attribute name %3 is not valid</source>
        <translation>%1: الطبقة %2: اسم السمة %3 غير صالح</translation>
    </message>
    <message>
        <source>%1: %2.%3: type %4 is not one of %5</source>
        <translation>%1: ‏%2.%3: النوع %4 ليس واحدًا من %5</translation>
    </message>
    <message>
        <source>%1: %2.%3: a link needs the layer it points to</source>
        <translation>%1: ‏%2.%3: يحتاج الربط إلى الطبقة التي يشير إليها</translation>
    </message>
    <message>
        <source>%1: %2: values_ar must be a table of value = &quot;label&quot;</source>
        <translation>%1: ‏%2: يجب أن تكون values_ar جدولًا بالشكل value = &quot;label&quot;</translation>
    </message>
    <message>
        <source>%1: %2: values_ar names %3, not among its values (%4)</source>
        <translation>%1: ‏%2: تذكر values_ar ‏%3، وهي ليست من قيمها (%4)</translation>
    </message>
    <message>
        <source>layer %1 has no stance</source>
        <translation>ليس للطبقة %1 موقف</translation>
    </message>
    <message>
        <source>unknown stance value %1 (allowed: %2)</source>
        <translation>قيمة موقف غير معروفة %1 (المسموح: %2)</translation>
    </message>
    <message>
        <source>cannot read schema file %1: %2</source>
        <translation>تتعذّر قراءة ملف مخطط الوسوم %1: %2</translation>
    </message>
    <message>
        <source>%1: not valid TOML: %2</source>
        <translation>%1: ليس TOML صالحًا: %2</translation>
    </message>
    <message>
        <source>%1: layer %2 has more than one %3 attribute</source>
        <translation>%1: في الطبقة %2 أكثر من سمة واحدة من النوع %3</translation>
    </message>
    <message>
        <source>%1: layer %2: stance.values must be a list of text</source>
        <translation>%1: الطبقة %2: يجب أن تكون stance.values قائمة نصوص</translation>
    </message>
    <message>
        <source>%1: %2.%3: a choice needs a list of values</source>
        <translation>%1: ‏%2.%3: يحتاج الاختيار إلى قائمة قيم</translation>
    </message>
    <message>
        <source>%1: %2.%3: default %4 is not a value</source>
        <translation>%1: ‏%2.%3: القيمة الافتراضية %4 ليست من القيم</translation>
    </message>
    <message>
        <source>%1: duplicate %2 %3</source>
        <translation>%1: ‏%2 مكرر %3</translation>
    </message>
    <message>
        <source>unknown attribute %1 for layer %2 (known: %3)</source>
        <translation>سمة غير معروفة %1 للطبقة %2 (المعروف: %3)</translation>
    </message>
    <message>
        <source>attribute %1 is a %2, not a value</source>
        <translation>السمة %1 من النوع %2، لا قيمة</translation>
    </message>
    <message>
        <source>attribute %1 must be text, got %2</source>
        <translation>يجب أن تكون السمة %1 نصًّا، والموجود %2</translation>
    </message>
    <message>
        <source>unknown value %1 for %2.%3 (allowed: %4)</source>
        <translation>قيمة غير معروفة %1 لـ%2.%3 (المسموح: %4)</translation>
    </message>
    <message>
        <source>%1: %2.%3 links to unknown layer %4</source>
        <translation>%1: ‏%2.%3 يرتبط بطبقة غير معروفة %4</translation>
    </message>
    <message>
        <source>annotation %1 was changed in another window or by another command (revision %2, your change was made on revision %3); your change was not applied</source>
        <translation>تغيّر التعليق %1 في نافذة أخرى أو بأمر آخر (الإصدار %2، وبُني تغييرك على الإصدار %3)؛ لم يُطبَّق تغييرك</translation>
    </message>
    <message>
        <source>annotation %1 was deleted in another window or by another command; your change was not applied</source>
        <translation>حُذف التعليق %1 في نافذة أخرى أو بأمر آخر؛ لم يُطبَّق تغييرك</translation>
    </message>
    <message>
        <source>annotation %1 exists again (restored elsewhere); your change was not applied</source>
        <translation>عاد التعليق %1 موجودًا (استُعيد في مكان آخر)؛ لم يُطبَّق تغييرك</translation>
    </message>
    <message>
        <source>linked annotation %1 does not exist</source>
        <translation>التعليق المربوط %1 غير موجود</translation>
    </message>
    <message>
        <source>%1.%2 must link to a %3 annotation of the same document</source>
        <translation>يجب أن يرتبط %1.%2 بتعليق %3 من الوثيقة نفسها</translation>
    </message>
    <message>
        <source>%1.%2 must link to the same annotator&apos;s annotation</source>
        <translation>يجب أن يرتبط %1.%2 بتعليق للمُعلِّق نفسه</translation>
    </message>
    <message>
        <source>a stance is a (target, value) pair, got %1</source>
        <translation>الموقف زوج (الهدف، القيمة)، والموجود %1</translation>
    </message>
    <message>
        <source>no annotation with id %1</source>
        <translation>لا تعليق بالمعرِّف %1</translation>
    </message>
    <message>
        <source>span %1-%2 is not inside the document (0-%3, start before end)</source>
        <translation>المقطع %1-%2 خارج الوثيقة (0-%3، والبداية قبل النهاية)</translation>
    </message>
    <message>
        <source>span text %1 does not match the document at %2-%3 (%4)</source>
        <translation>نص المقطع %1 لا يطابق الوثيقة عند %2-%3 (%4)</translation>
    </message>
    <message>
        <source>unknown origin %1</source>
        <translation>مصدر غير معروف %1</translation>
    </message>
    <message>
        <source>layer %1 has no speaker entity</source>
        <translation>ليس للطبقة %1 كيان متحدث</translation>
    </message>
    <message>
        <source>layer %1 has no link</source>
        <translation>ليس للطبقة %1 ربط</translation>
    </message>
    <message>
        <source>a stance needs a target</source>
        <translation>يحتاج الموقف إلى هدف</translation>
    </message>
    <message>
        <source>stance target %1 is given twice</source>
        <translation>هدف الموقف %1 مذكور مرتين</translation>
    </message>
    <message>
        <source>annotation %1, which linked to %2 %3, was deleted in another window and cannot be linked back</source>
        <translation>حُذف في نافذة أخرى التعليقُ %1 الذي كان مربوطًا بـ %2 %3، فلا يمكن ربطه به مجددًا</translation>
    </message>
    <message>
        <source>an annotation with id %1 exists</source>
        <translation>يوجد تعليق بالمعرِّف %1</translation>
    </message>
    <message>
        <source>annotation %1, which linked to %2 %3, was made a %4 in another window and is not linked back</source>
        <translation>جُعل التعليق %1، الذي كان مربوطًا بـ %2 %3، %4 في نافذة أخرى، فلم يُربط به مجددًا</translation>
    </message>
    <message>
        <source>%1 %2 is back without its link: the %3 it linked to (%4) was deleted in another window</source>
        <translation>عاد %1 %2 دون ربطه: حُذف في نافذة أخرى %3 الذي كان مربوطًا به (%4)</translation>
    </message>
    <message>
        <source>%1 %2 is back without its link: the annotation it linked to (%3) was made a %4 in another window</source>
        <translation>عاد %1 %2 دون ربطه: جُعل التعليق الذي كان مربوطًا به (%3) %4 في نافذة أخرى</translation>
    </message>
    <message>
        <source>annotation %1, which linked to %2 %3, was linked to annotation %4 in another window and keeps that link</source>
        <translation>رُبط التعليق %1، الذي كان مربوطًا بـ %2 %3، بالتعليق %4 في نافذة أخرى، ويبقى ذلك الربط</translation>
    </message>
    <message>
        <source>no backup was written: %1 is damaged (SQLite&apos;s check of its copy found: %2); the backups made before are kept; %3</source>
        <translation>لم تُكتب أي نسخة احتياطية: %1 تالف (وجد فحص SQLite لنسخته: %2)؛ النسخ الاحتياطية السابقة محفوظة؛ %3</translation>
    </message>
    <message>
        <source>%1 is open in another window or command (SQLite could not lock it for itself); close it there, then restore; nothing was changed</source>
        <translation>%1 مفتوح في نافذة أخرى أو أمر آخر (لم يستطع SQLite قفله لنفسه)؛ أغلقه هناك ثم استعِد؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>%1 is a folder; give the name of the copy</source>
        <translation>%1 مجلد؛ اكتب اسم النسخة</translation>
    </message>
    <message>
        <source>%1 is the project itself; choose another name for the copy</source>
        <translation>%1 هو المشروع نفسه؛ اختر اسمًا آخر للنسخة</translation>
    </message>
    <message>
        <source>%1 exists; choose another name, or allow replacing it</source>
        <translation>%1 موجود؛ اختر اسمًا آخر، أو اسمح باستبداله</translation>
    </message>
    <message>
        <source>%1 has a log (%2-wal or -shm) beside it: it is open somewhere or was not closed cleanly, and replacing it would mix that log into the copy</source>
        <translation>بجانب %1 سجلّ (%2-wal أو ‎-shm): إنه مفتوح في مكان ما أو لم يُغلق إغلاقًا سليمًا، واستبداله سيخلط ذلك السجل بالنسخة</translation>
    </message>
    <message>
        <source>cannot write a backup into %1: %2</source>
        <translation>تتعذّر كتابة نسخة احتياطية في %1: %2</translation>
    </message>
    <message>
        <source>cannot write a copy into %1: %2</source>
        <translation>تتعذّر كتابة نسخة في %1: %2</translation>
    </message>
    <message>
        <source>cannot write the copy %1: %2</source>
        <translation>تتعذّر كتابة النسخة %1: %2</translation>
    </message>
    <message>
        <source>cannot restore %1: %2</source>
        <translation>تعذّرت استعادة %1: %2</translation>
    </message>
    <message>
        <source>the disk holding %1 is full; nothing was changed, free some space and try again</source>
        <translation>القرص الذي عليه %1 ممتلئ؛ لم يتغير شيء، أفرغ بعض المساحة وحاول مرة أخرى</translation>
    </message>
    <message>
        <source>%1 is read-only, so no annotation could be stored in it; make the file writable, or copy it into a folder of yours and open the copy</source>
        <translation>%1 للقراءة فقط، فلم يُخزَّن فيه أي تعليق؛ اجعل الملف قابلًا للكتابة، أو انسخه إلى مجلد لك وافتح النسخة</translation>
    </message>
    <message>
        <source>the disk holding %1 refused a write (%2); nothing was changed; check that the disk is still connected and has room, then try again</source>
        <translation>رفض القرص الذي عليه %1 الكتابة (%2)؛ لم يتغير شيء؛ تحقّق من أن القرص ما زال موصولًا وفيه مساحة، ثم حاول مرة أخرى</translation>
    </message>
    <message>
        <source>%1; nothing was changed</source>
        <translation>%1؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>the disk holding %1 is full; %2 was not written, free some space and try again</source>
        <translation>القرص الذي عليه %1 ممتلئ؛ لم يُكتب %2، أفرغ بعض المساحة وحاول مرة أخرى</translation>
    </message>
    <message>
        <source>%1 is larger than %2 or your account allows for one file; it was not written</source>
        <translation>%1 أكبر من %2 أو مما يسمح به حسابك لملف واحد؛ لم يُكتب</translation>
    </message>
    <message>
        <source>%1 cannot be written (%2); %3 was not written, choose another folder</source>
        <translation>تتعذّر الكتابة في %1 (%2)؛ لم يُكتب %3، اختر مجلدًا آخر</translation>
    </message>
    <message>
        <source>%1 would be written outside %2; nothing was written</source>
        <translation>سيُكتب %1 خارج %2؛ لم يُكتب شيء</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file name</source>
        <translation>%1 مجلد؛ اكتب اسم ملف</translation>
    </message>
    <message>
        <source>%1 cannot be replaced (%2)</source>
        <translation>تعذّر استبدال %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (none of this export&apos;s files was written)</source>
        <translation>%1 (لم يُكتب أي ملف من ملفات هذا التصدير)</translation>
    </message>
    <message>
        <source>a cue needs at least one letter</source>
        <translation>يحتاج لفظ الإسناد إلى حرف واحد على الأقل</translation>
    </message>
    <message>
        <source>unknown cue state %1: added, removed or none</source>
        <translation>حالة لفظ إسناد غير معروفة %1: added أو removed أو none</translation>
    </message>
    <message>
        <source>restore its newest backup (%1) with `annotator restore --latest --project %2` (the damaged file is kept), or list all %3 with `annotator restore --project %2`</source>
        <translation>استعِد أحدث نسخة احتياطية له (%1) بالأمر `annotator restore --latest --project %2` (يُحتفظ بالملف التالف)، أو اعرض النسخ كلها (%3) بالأمر `annotator restore --project %2`</translation>
    </message>
    <message>
        <source>%1 holds SQL objects this tool did not make (or lacks its own): %2; they could change or hide annotations, so it was not opened (nothing was changed); remove them (a backup copy is made first) with `annotator check --remove-foreign --project %1`</source>
        <translation>في %1 كائنات SQL لم يصنعها هذا البرنامج (أو تنقصه كائناته): %2؛ قد تغيّر التعليقات أو تخفيها، فلم يُفتح (لم يتغير شيء)؛ أزلها (تُصنع نسخة احتياطية أولًا) بالأمر `annotator check --remove-foreign --project %1`</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); %3</source>
        <translation>%1 تالف (%2)؛ %3</translation>
    </message>
    <message>
        <source>%1 is an empty file, not an annotator project</source>
        <translation>%1 ملف فارغ، لا مشروع تعليقات</translation>
    </message>
    <message>
        <source>%1 is not an annotator project (not an SQLite file)</source>
        <translation>%1 ليس مشروع تعليقات (ليس ملف SQLite)</translation>
    </message>
    <message>
        <source>%1 is damaged: it is cut off after %2 bytes, inside the SQLite header; %3</source>
        <translation>%1 تالف: مقطوع بعد %2 بايت، داخل ترويسة SQLite؛ %3</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another application, not an annotator project</source>
        <translation>%1 قاعدة بيانات SQLite لبرنامج آخر، لا مشروع تعليقات</translation>
    </message>
    <message>
        <source>%1 was made by a newer version of this tool (project format %2, this version reads up to %3); update the tool to open it</source>
        <translation>صُنع %1 بإصدار أحدث من هذا البرنامج (صيغة المشروع %2، وهذا الإصدار يقرأ حتى %3)؛ حدِّث البرنامج لفتحه</translation>
    </message>
    <message>
        <source>%1 is damaged: it is cut off (%2 of its %3 bytes are there), as by an interrupted copy or a full disk; %4</source>
        <translation>%1 تالف: مقطوع (الموجود %2 من %3 بايت)، كما يحدث عند نسخ منقطع أو قرص ممتلئ؛ %4</translation>
    </message>
    <message>
        <source>no backup of it was found in %1; put back a copy you keep elsewhere</source>
        <translation>لم توجد له نسخة احتياطية في %1؛ أعِد نسخة تحتفظ بها في مكان آخر</translation>
    </message>
    <message>
        <source>list its backups with `annotator restore --project %1` and restore one</source>
        <translation>اعرض نسخه الاحتياطية بالأمر `annotator restore --project %1` واستعِد إحداها</translation>
    </message>
    <message>
        <source>%1 cannot be opened: its folder %2 is read-only, and a project writes its log (%3-wal) beside it; move the project into a folder you can write to, or make the folder writable</source>
        <translation>يتعذّر فتح %1: مجلده %2 للقراءة فقط، والمشروع يكتب سجله (%3-wal) بجانبه؛ انقل المشروع إلى مجلد تستطيع الكتابة فيه، أو اجعل المجلد قابلًا للكتابة</translation>
    </message>
    <message>
        <source>%1 is damaged (SQLite&apos;s check found unreadable bytes); %2</source>
        <translation>%1 تالف (وجد فحص SQLite بايتات غير مقروءة)؛ %2</translation>
    </message>
    <message>
        <source>%1 is damaged (SQLite&apos;s check found: %2); %3</source>
        <translation>%1 تالف (وجد فحص SQLite: %2)؛ %3</translation>
    </message>
    <message>
        <source>%1: no such project</source>
        <translation>%1: لا مشروع بهذا الاسم</translation>
    </message>
    <message>
        <source>%1 is busy: another window or command has been using it for over %2 s; nothing was changed, try again</source>
        <translation>%1 مشغول: نافذة أخرى أو أمر آخر يستعمله منذ أكثر من %2 ثانية؛ لم يتغير شيء، حاول مرة أخرى</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>يتعذّر فتح %1: %2</translation>
    </message>
    <message>
        <source>%1 is a folder, not a project file</source>
        <translation>%1 مجلد، لا ملف مشروع</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>تتعذّر قراءة %1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be opened: the disk holding it is full (a project needs room for its log beside it); free some space and try again</source>
        <translation>يتعذّر فتح %1: القرص الذي عليه ممتلئ (يحتاج المشروع مساحة لسجله بجانبه)؛ أفرغ بعض المساحة وحاول مرة أخرى</translation>
    </message>
    <message>
        <source>%1 is damaged: its label schema is missing; %2</source>
        <translation>%1 تالف: مخطط وسومه مفقود؛ %2</translation>
    </message>
    <message>
        <source>%1 was replaced or removed by another program (a restore?) after it was opened here; nothing was changed: reopen the project</source>
        <translation>استبدل برنامج آخر %1 أو أزاله (استعادة؟) بعد فتحه هنا؛ لم يتغير شيء: أعِد فتح المشروع</translation>
    </message>
    <message>
        <source>an annotator name is required</source>
        <translation>اسم المُعلِّق مطلوب</translation>
    </message>
    <message>
        <source>an annotator name is at most 100 characters</source>
        <translation>اسم المُعلِّق 100 محرف على الأكثر</translation>
    </message>
    <message>
        <source>a speaker entity needs a name</source>
        <translation>يحتاج كيان المتحدث إلى اسم</translation>
    </message>
    <message>
        <source>a comment cannot be empty</source>
        <translation>لا تكون الملاحظة فارغة</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name or open it</source>
        <translation>%1 موجود من قبل؛ اختر اسمًا آخر أو افتحه</translation>
    </message>
    <message>
        <source>folder %1 does not exist</source>
        <translation>المجلد %1 غير موجود</translation>
    </message>
    <message>
        <source>%1: no such project (create it with: annotator init %1)</source>
        <translation>%1: لا مشروع بهذا الاسم (أنشئه بالأمر: `annotator init %1`)</translation>
    </message>
    <message>
        <source>%1 is still being checked (a large project&apos;s pages are read once before anything is written to it); nothing was changed, try again when the check has finished</source>
        <translation>ما زال %1 قيد الفحص (تُقرأ صفحات المشروع الكبير مرة واحدة قبل أن يُكتب فيه شيء)؛ لم يتغير شيء، أعد المحاولة حين ينتهي الفحص</translation>
    </message>
    <message>
        <source>%1; nothing more is written to it</source>
        <translation>%1؛ لن يُكتب فيه شيء بعد الآن</translation>
    </message>
    <message>
        <source>%1 has no %2; the project file is damaged</source>
        <translation>ليس في %1 ‏%2؛ ملف المشروع تالف</translation>
    </message>
    <message>
        <source>document %1 is damaged in %2; `annotator check` names what is wrong</source>
        <translation>الوثيقة %1 تالفة في %2؛ يبيّن `annotator check` ما الخلل</translation>
    </message>
    <message>
        <source>unknown status %1 (allowed: %2)</source>
        <translation>حالة غير معروفة %1 (المسموح: %2)</translation>
    </message>
    <message>
        <source>cannot create a project in %1: %2</source>
        <translation>يتعذّر إنشاء مشروع في %1: %2</translation>
    </message>
    <message>
        <source>%1 was replaced while another window still has the old file open; close every window on it, then open the project again</source>
        <translation>استُبدل %1 ونافذة أخرى ما زالت تفتح الملف القديم؛ أغلق كل نافذة عليه، ثم افتح المشروع من جديد</translation>
    </message>
    <message>
        <source>%1 holds text that is not UTF-8, so it cannot be written out as stored; `annotator check` names where</source>
        <translation>في %1 نص ليس بترميز UTF-8، فلا يمكن إخراجه كما خُزِّن؛ يبيّن `annotator check` موضعه</translation>
    </message>
    <message>
        <source>%1: document id %2 is already used for another text</source>
        <translation>%1: معرِّف الوثيقة %2 مستعمل لنص آخر</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>يتعذّر إنشاء %1: %2</translation>
    </message>
    <message>
        <source>%1 is busy: another window or command has been writing to it for over %2 s; nothing was changed, try again</source>
        <translation>%1 مشغول: نافذة أخرى أو أمر آخر يكتب فيه منذ أكثر من %2 ثانية؛ لم يتغير شيء، حاول مرة أخرى</translation>
    </message>
    <message>
        <source>%1 is not a write-ahead log SQLite can use (damaged, or from another program): it is ignored, so any work only in it is not in the project</source>
        <translation>%1 ليس سجل كتابة مسبقة يستطيع SQLite استعماله (تالف، أو من برنامج آخر): سيُتجاهل، فأي عمل لا يوجد إلا فيه ليس في المشروع</translation>
    </message>
    <message>
        <source>%1 belongs to another file: its pages are %2 bytes, the project&apos;s %3</source>
        <translation>%1 لملف آخر: صفحاته %2 بايت، وصفحات المشروع %3</translation>
    </message>
    <message>
        <source>%1 was cut short: it holds %2 of the %3 committed frames %4 recorded, so the last work saved is missing</source>
        <translation>%1 مقطوع: فيه %2 من %3 إطارًا ملتزمًا سجّلها %4، فآخر عمل محفوظ مفقود</translation>
    </message>
    <message>
        <source>choose &apos;ours&apos; or &apos;theirs&apos;, not %1</source>
        <translation>اختر &apos;ours&apos; (نسختنا) أو &apos;theirs&apos; (نسختهم)، لا %1</translation>
    </message>
    <message>
        <source>no open conflict on speaker entity %1</source>
        <translation>لا تعارض مفتوح على كيان المتحدث %1</translation>
    </message>
    <message>
        <source>share a project as the team database&apos;s owner (who ran `annotator server init`)</source>
        <translation>شارِك المشروع بصفتك مالك قاعدة بيانات الفريق (من نفّذ `annotator server init`)</translation>
    </message>
    <message>
        <source>the team project already holds documents: members join it</source>
        <translation>في مشروع الفريق وثائق من قبل: الأعضاء ينضمون إليه</translation>
    </message>
    <message>
        <source>the team project holds no project yet (its owner shares one)</source>
        <translation>لا مشروع في مشروع الفريق بعد (يشارك مالكه واحدًا)</translation>
    </message>
    <message>
        <source>database role %1 is not a member of the team project (the owner adds it with: annotator server add-member URL NAME --role ROLE)</source>
        <translation>دور قاعدة البيانات %1 ليس عضوًا في مشروع الفريق (يضيفه المالك بالأمر: `annotator server add-member URL NAME --role ROLE`)</translation>
    </message>
    <message>
        <source>database role %1 is the member %2, not %3</source>
        <translation>دور قاعدة البيانات %1 هو العضو %2، لا %3</translation>
    </message>
    <message>
        <source>the project is linked as %1 but database role %2 is %3: connect as your own role</source>
        <translation>المشروع مربوط باسم %1 لكن دور قاعدة البيانات %2 هو %3: اتصل بدورك أنت</translation>
    </message>
    <message>
        <source>%1 is not linked to a team project (link one with: annotator join URL --as NAME --project FILE)</source>
        <translation>%1 غير مربوط بمشروع فريق (اربطه بالأمر: `annotator join URL --as NAME --project FILE`)</translation>
    </message>
    <message>
        <source>only a coordinator assigns documents</source>
        <translation>المنسّق وحده يكلّف بالوثائق</translation>
    </message>
    <message>
        <source>%1 is not a member of the team project</source>
        <translation>%1 ليس عضوًا في مشروع الفريق</translation>
    </message>
    <message>
        <source>no document %1 in the team project</source>
        <translation>لا وثيقة %1 في مشروع الفريق</translation>
    </message>
    <message>
        <source>the team server is busy (another member&apos;s transaction holds it); try again shortly</source>
        <translation>خادم الفريق مشغول (معاملة عضو آخر تشغله)؛ حاول مرة أخرى بعد قليل</translation>
    </message>
    <message>
        <source>team projects need the PostgreSQL driver: pip install &apos;arabic-news-annotator[team]&apos;</source>
        <translation>تحتاج مشاريع الفريق إلى مشغّل PostgreSQL: pip install &apos;arabic-news-annotator[team]&apos;</translation>
    </message>
    <message>
        <source>the database is not a team project yet: run `annotator server init URL` first</source>
        <translation>قاعدة البيانات ليست مشروع فريق بعد: نفّذ `annotator server init URL` أولًا</translation>
    </message>
    <message>
        <source>the team project is of format %1, newer than this version knows (%2); update the tool</source>
        <translation>صيغة مشروع الفريق %1، أحدث مما يعرفه هذا الإصدار (%2)؛ حدِّث البرنامج</translation>
    </message>
    <message>
        <source>the team project is of format %1: its owner must run `annotator server init URL` to update it</source>
        <translation>صيغة مشروع الفريق %1: على مالكه تنفيذ `annotator server init URL` لتحديثه</translation>
    </message>
    <message>
        <source>unknown role %1: one of %2</source>
        <translation>دور غير معروف %1: واحد من %2</translation>
    </message>
    <message>
        <source>%1 cannot be a member&apos;s name</source>
        <translation>لا يكون %1 اسم عضو</translation>
    </message>
    <message>
        <source>cannot reach the team server: %1</source>
        <translation>يتعذّر الوصول إلى خادم الفريق: %1</translation>
    </message>
    <message>
        <source>the team server refused the change: %1</source>
        <translation>رفض خادم الفريق التغيير: %1</translation>
    </message>
    <message>
        <source>the connection to the team server broke: %1</source>
        <translation>انقطع الاتصال بخادم الفريق: %1</translation>
    </message>
    <message>
        <source>team server: %1</source>
        <translation>خادم الفريق: %1</translation>
    </message>
    <message>
        <source>the team project is of format %1, newer than this version knows</source>
        <translation>صيغة مشروع الفريق %1، أحدث مما يعرفه هذا الإصدار</translation>
    </message>
    <message>
        <source>the team server refused the login: %1</source>
        <translation>رفض خادم الفريق تسجيل الدخول: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds another XMI export (%2 and %n more file(s) this export would not write); use --force to replace it</source>
        <translation>
            <numerusform>في %1 تصدير XMI آخر (%2، ولا ملفات أخرى لن يكتبها هذا التصدير)؛ استعمل --force لاستبداله</numerusform>
            <numerusform>في %1 تصدير XMI آخر (%2 وملف آخر لن يكتبه هذا التصدير)؛ استعمل --force لاستبداله</numerusform>
            <numerusform>في %1 تصدير XMI آخر (%2 وملفان آخران لن يكتبهما هذا التصدير)؛ استعمل --force لاستبداله</numerusform>
            <numerusform>في %1 تصدير XMI آخر (%2 و%n ملفات أخرى لن يكتبها هذا التصدير)؛ استعمل --force لاستبداله</numerusform>
            <numerusform>في %1 تصدير XMI آخر (%2 و%n ملفًّا آخر لن يكتبها هذا التصدير)؛ استعمل --force لاستبداله</numerusform>
            <numerusform>في %1 تصدير XMI آخر (%2 و%n ملف آخر لن يكتبها هذا التصدير)؛ استعمل --force لاستبداله</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is damaged: %n committed transaction(s) in it follow a broken checksum and are ignored by SQLite</source>
        <translation>
            <numerusform>%1 تالف: لا معاملات ملتزمة فيه بعد مجموع تحقق معطوب</numerusform>
            <numerusform>%1 تالف: فيه معاملة ملتزمة واحدة بعد مجموع تحقق معطوب، ويتجاهلها SQLite</numerusform>
            <numerusform>%1 تالف: فيه معاملتان ملتزمتان بعد مجموع تحقق معطوب، ويتجاهلهما SQLite</numerusform>
            <numerusform>%1 تالف: فيه %n معاملات ملتزمة بعد مجموع تحقق معطوب، ويتجاهلها SQLite</numerusform>
            <numerusform>%1 تالف: فيه %n معاملة ملتزمة بعد مجموع تحقق معطوب، ويتجاهلها SQLite</numerusform>
            <numerusform>%1 تالف: فيه %n معاملة ملتزمة بعد مجموع تحقق معطوب، ويتجاهلها SQLite</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 belongs to another file: it is not the log %2 recorded (%n committed page change(s) of that log are not in the project)</source>
        <translation>
            <numerusform>%1 لملف آخر: ليس السجل الذي سجّله %2 (ولا تغييرات صفحات ملتزمة من ذلك السجل غائبة عن المشروع)</numerusform>
            <numerusform>%1 لملف آخر: ليس السجل الذي سجّله %2 (تغيير صفحة ملتزم واحد من ذلك السجل ليس في المشروع)</numerusform>
            <numerusform>%1 لملف آخر: ليس السجل الذي سجّله %2 (تغييرا صفحتين ملتزمان من ذلك السجل ليسا في المشروع)</numerusform>
            <numerusform>%1 لملف آخر: ليس السجل الذي سجّله %2 (%n تغييرات صفحات ملتزمة من ذلك السجل ليست في المشروع)</numerusform>
            <numerusform>%1 لملف آخر: ليس السجل الذي سجّله %2 (%n تغييرًا ملتزمًا في الصفحات من ذلك السجل ليست في المشروع)</numerusform>
            <numerusform>%1 لملف آخر: ليس السجل الذي سجّله %2 (%n تغيير ملتزم في الصفحات من ذلك السجل ليست في المشروع)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is missing, but %2 records %n page change(s) committed to it and not yet in the project: work saved before an unclean shutdown (or before the files were copied without it) is not in the file; if you have %1, put it back beside the project before opening it</source>
        <translation>
            <numerusform>%1 مفقود، ولا يسجّل %2 تغييرات صفحات ملتزمة فيه لم تدخل المشروع بعد</numerusform>
            <numerusform>%1 مفقود، لكن %2 يسجّل تغيير صفحة واحدًا ملتزمًا فيه ولم يدخل المشروع بعد: العمل المحفوظ قبل إغلاق غير سليم (أو قبل نسخ الملفات من دونه) ليس في الملف؛ إن كان %1 عندك فأعِده بجانب المشروع قبل فتحه</numerusform>
            <numerusform>%1 مفقود، لكن %2 يسجّل تغييرَي صفحتين ملتزمين فيه ولم يدخلا المشروع بعد: العمل المحفوظ قبل إغلاق غير سليم (أو قبل نسخ الملفات من دونه) ليس في الملف؛ إن كان %1 عندك فأعِده بجانب المشروع قبل فتحه</numerusform>
            <numerusform>%1 مفقود، لكن %2 يسجّل %n تغييرات صفحات ملتزمة فيه ولم تدخل المشروع بعد: العمل المحفوظ قبل إغلاق غير سليم (أو قبل نسخ الملفات من دونه) ليس في الملف؛ إن كان %1 عندك فأعِده بجانب المشروع قبل فتحه</numerusform>
            <numerusform>%1 مفقود، لكن %2 يسجّل %n تغييرًا في الصفحات ملتزمًا فيه ولم يدخل المشروع بعد: العمل المحفوظ قبل إغلاق غير سليم (أو قبل نسخ الملفات من دونه) ليس في الملف؛ إن كان %1 عندك فأعِده بجانب المشروع قبل فتحه</numerusform>
            <numerusform>%1 مفقود، لكن %2 يسجّل %n تغيير في الصفحات ملتزمًا فيه ولم يدخل المشروع بعد: العمل المحفوظ قبل إغلاق غير سليم (أو قبل نسخ الملفات من دونه) ليس في الملف؛ إن كان %1 عندك فأعِده بجانب المشروع قبل فتحه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is empty, but %2 records %n page change(s) committed to it and not yet in the project: work saved before an unclean shutdown (or before the files were copied without it) is not in the file; if you have %1, put it back beside the project before opening it</source>
        <translation>
            <numerusform>%1 فارغ، ولا يسجّل %2 تغييرات صفحات ملتزمة فيه لم تدخل المشروع بعد</numerusform>
            <numerusform>%1 فارغ، لكن %2 يسجّل تغيير صفحة واحدًا ملتزمًا فيه ولم يدخل المشروع بعد: العمل المحفوظ قبل إغلاق غير سليم (أو قبل نسخ الملفات من دونه) ليس في الملف؛ إن كان %1 عندك فأعِده بجانب المشروع قبل فتحه</numerusform>
            <numerusform>%1 فارغ، لكن %2 يسجّل تغييرَي صفحتين ملتزمين فيه ولم يدخلا المشروع بعد: العمل المحفوظ قبل إغلاق غير سليم (أو قبل نسخ الملفات من دونه) ليس في الملف؛ إن كان %1 عندك فأعِده بجانب المشروع قبل فتحه</numerusform>
            <numerusform>%1 فارغ، لكن %2 يسجّل %n تغييرات صفحات ملتزمة فيه ولم تدخل المشروع بعد: العمل المحفوظ قبل إغلاق غير سليم (أو قبل نسخ الملفات من دونه) ليس في الملف؛ إن كان %1 عندك فأعِده بجانب المشروع قبل فتحه</numerusform>
            <numerusform>%1 فارغ، لكن %2 يسجّل %n تغييرًا في الصفحات ملتزمًا فيه ولم يدخل المشروع بعد: العمل المحفوظ قبل إغلاق غير سليم (أو قبل نسخ الملفات من دونه) ليس في الملف؛ إن كان %1 عندك فأعِده بجانب المشروع قبل فتحه</numerusform>
            <numerusform>%1 فارغ، لكن %2 يسجّل %n تغيير في الصفحات ملتزمًا فيه ولم يدخل المشروع بعد: العمل المحفوظ قبل إغلاق غير سليم (أو قبل نسخ الملفات من دونه) ليس في الملف؛ إن كان %1 عندك فأعِده بجانب المشروع قبل فتحه</numerusform>
        </translation>
    </message>
</context>
</TS>
