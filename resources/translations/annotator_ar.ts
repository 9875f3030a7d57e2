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

هل تستعيد أحدث نسخة احتياطية، المصنوعة في %2؟ يُحفظ الملف الذي تعذّر فتحه في مجلد النسخ الاحتياطية.</translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation>تعذّرت استعادة النسخة الاحتياطية</translation>
    </message>
    <message>
        <source>%1

Remove them now and open the project? A backup copy of the file as it is is made first.</source>
        <translation>%1

هل تزيلها الآن وتفتح المشروع؟ تُصنع أولًا نسخة احتياطية من الملف على حاله.</translation>
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
        <source>annotation %1 was changed in another window since this step; nothing was changed</source>
        <translation>تغيّر التعليق %1 في نافذة أخرى منذ هذه الخطوة؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>the annotation %1 that annotation %2 links to was deleted in another window; nothing was changed</source>
        <translation>حُذف في نافذة أخرى التعليقُ %1 الذي يرتبط به التعليق %2؛ لم يتغير شيء</translation>
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
        <source>%1

Replace them?</source>
        <translation>%1

هل تستبدلها؟</translation>
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
            <numerusform>تُخطّي واحد موجود في المشروع</numerusform>
            <numerusform>تُخطّي اثنان موجودان في المشروع</numerusform>
            <numerusform>تُخطّيت %n موجودة في المشروع</numerusform>
            <numerusform>تُخطّي %n موجودًا في المشروع</numerusform>
            <numerusform>تُخطّي %n موجود في المشروع</numerusform>
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
        <source>the %1 %2 to link to was deleted in another window; nothing was changed</source>
        <translation>حُذف في نافذة أخرى %1 %2 المراد الربط به؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>the %1 %2 to link to was made a %3 in another window; nothing was changed</source>
        <translation>جُعل %1 %2 المراد الربط به %3 في نافذة أخرى؛ لم يتغير شيء</translation>
    </message>
</context>
</TS>
