<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;As…</source>
        <translation>导出为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Choose Sections to Print</source>
        <translation>选择要打印的章节(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Import Report from &amp;File…</source>
        <translation>从文件导入报告(&amp;F)…</translation>
    </message>
    <message>
        <source>Import Report from &amp;Clipboard…</source>
        <translation>导入复制的文字(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>报告库(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy with &amp;Citation</source>
        <translation>带出处复制(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lear Search</source>
        <translation>清除搜索(&amp;L)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;High Contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <source>La&amp;rge Print</source>
        <translation>大字模式(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;plit View</source>
        <translation>分栏阅读(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Whole Report</source>
        <translation>报告全文(&amp;W)</translation>
    </message>
    <message>
        <source>Next &amp;Area</source>
        <translation>下一区域(&amp;A)</translation>
    </message>
    <message>
        <source>New &amp;Tab</source>
        <translation>新建标签页(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Compare 2024 and 2025</source>
        <translation>对照 2024 与 2025(&amp;C)</translation>
    </message>
    <message>
        <source>Compare &amp;Years…</source>
        <translation>年度对照(&amp;Y)…</translation>
    </message>
    <message>
        <source>Close Ta&amp;b</source>
        <translation>关闭标签页(&amp;B)</translation>
    </message>
    <message>
        <source>Reopen Closed Tab</source>
        <translation>重新打开关闭的标签页</translation>
    </message>
    <message>
        <source>Ne&amp;xt Tab</source>
        <translation>下一个标签页(&amp;X)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Tab</source>
        <translation>上一个标签页(&amp;V)</translation>
    </message>
    <message>
        <source>Previous A&amp;rea</source>
        <translation>上一区域(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Key Figures</source>
        <translation>关键数据(&amp;K)</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>许可证(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About cqdesk</source>
        <translation>关于 cqdesk(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>cqdesk cannot open the report.</source>
        <translation>cqdesk 无法打开报告。</translation>
    </message>
</context>
<context>
    <name>Citing</name>
    <message>
        <source>Copied the reference (%1)</source>
        <translation>已复制参考文献（%1）</translation>
    </message>
    <message>
        <source>Copy &amp;Reference</source>
        <translation>复制参考文献(&amp;R)</translation>
    </message>
</context>
<context>
    <name>CompareYears</name>
    <message>
        <source>Chart of “%1” by year</source>
        <translation>“%1”逐年出现次数图</translation>
    </message>
    <message>
        <source>Type a term above to count it in every report</source>
        <translation>在上方输入用语，统计它在每份报告中出现的次数</translation>
    </message>
    <message>
        <source>Compare Years</source>
        <translation>年度对照</translation>
    </message>
    <message>
        <source>&amp;Older report:</source>
        <translation>较早的报告(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Newer report:</source>
        <translation>较新的报告(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Targets and Outcomes</source>
        <translation>目标与完成情况(&amp;T)</translation>
    </message>
    <message>
        <source>New &amp;Wording</source>
        <translation>新提法(&amp;W)</translation>
    </message>
    <message>
        <source>P&amp;lans Side by Side</source>
        <translation>工作安排对照(&amp;L)</translation>
    </message>
    <message>
        <source>Term over &amp;Years</source>
        <translation>用语逐年统计(&amp;Y)</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Other figures</source>
        <translation>其他数据</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Newer plan</source>
        <translation>较新的工作安排</translation>
    </message>
    <message>
        <source>Older plan</source>
        <translation>较早的工作安排</translation>
    </message>
    <message>
        <source>Terms both share</source>
        <translation>共同的用语</translation>
    </message>
    <message>
        <source>Te&amp;rm:</source>
        <translation>用语(&amp;R)：</translation>
    </message>
    <message>
        <source>e.g. 低空经济</source>
        <translation>例如：低空经济</translation>
    </message>
    <message>
        <source>&amp;Count</source>
        <translation>统计(&amp;C)</translation>
    </message>
    <message>
        <source>Open in the %1 report</source>
        <translation>在%1年报告中打开</translation>
    </message>
    <message>
        <source>New in %1</source>
        <translation>%1年新出现</translation>
    </message>
    <message>
        <source>Used in %1, not in %2</source>
        <translation>%1年有、%2年不再出现</translation>
    </message>
    <message>
        <source>In both (%1 → %2)</source>
        <translation>两年都有（%1 → %2）</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>用语</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>“%1” in every report</source>
        <translation>“%1”在各报告中的出现次数</translation>
    </message>
    <message>
        <source>Nothing to print on this tab</source>
        <translation>此页没有可打印的内容</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>&amp;PDF…</source>
        <translation>&amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Word…</source>
        <translation>&amp;Word…</translation>
    </message>
    <message>
        <source>&amp;CSV (Excel, WPS)…</source>
        <translation>&amp;CSV（Excel、WPS）…</translation>
    </message>
    <message>
        <source>Nothing to export on this tab</source>
        <translation>此页没有可导出的内容</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>The file was not written.</source>
        <translation>文件未写入。</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Carried on in 2025</source>
        <translation>2025年接续推进</translation>
    </message>
    <message>
        <source>Continues from 2024</source>
        <translation>接续2024年工作</translation>
    </message>
    <message>
        <source>No 2025 item or area shares enough of this task&apos;s own wording to be linked; the 2025 work is under 2025年政府工作 › 聚力抓好8个方面工作.</source>
        <translation>2025年没有哪一项或哪一方面工作与本项任务的用语有足够多的共同之处，因而未自动关联；2025年的工作见“2025年政府工作 › 聚力抓好8个方面工作”。</translation>
    </message>
    <message>
        <source>shared: </source>
        <translation>共同：</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User Guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>此安装中缺少使用指南。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>HelpFeature</name>
    <message>
        <source>An offline reader for</source>
        <translation>离线阅读</translation>
    </message>
    <message>
        <source>Source text SHA-256:</source>
        <translation>原文 SHA-256：</translation>
    </message>
    <message>
        <source>cqdesk is free software under the MIT licence. It uses Qt for Python (LGPLv3), Python, SQLite and the Noto Sans SC font (SIL Open Font Licence 1.1); Help › Licences lists every component with its licence text.</source>
        <translation>cqdesk 是以 MIT 许可证发布的自由软件，使用了 Qt for Python（LGPLv3）、Python、SQLite 和思源黑体 Noto Sans SC（SIL 开放字体许可证 1.1）；“帮助 › 许可证”列出全部组件及其许可证全文。</translation>
    </message>
    <message>
        <source>About cqdesk</source>
        <translation>关于 cqdesk</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <source>the file holds no text</source>
        <translation>文件里没有文字</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是目录，不是文件</translation>
    </message>
    <message>
        <source>the file is not there</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the file may not be read</source>
        <translation>没有读取这个文件的权限</translation>
    </message>
    <message>
        <source>it is a damaged zip archive, not a report</source>
        <translation>这是不完整的 zip 打包文件，不是报告</translation>
    </message>
    <message>
        <source>it is a zip archive, not a Word document</source>
        <translation>这是 zip 打包文件，不是 Word 文档</translation>
    </message>
    <message>
        <source>it is a PNG image, not a report</source>
        <translation>这是 PNG 图片，不是报告</translation>
    </message>
    <message>
        <source>it is a JPEG image, not a report</source>
        <translation>这是 JPEG 图片，不是报告</translation>
    </message>
    <message>
        <source>it is a GIF image, not a report</source>
        <translation>这是 GIF 图片，不是报告</translation>
    </message>
    <message>
        <source>it is a gzip archive, not a report</source>
        <translation>这是 gzip 打包文件，不是报告</translation>
    </message>
    <message>
        <source>it is a 7-Zip archive, not a report</source>
        <translation>这是 7-Zip 打包文件，不是报告</translation>
    </message>
    <message>
        <source>it is a RAR archive, not a report</source>
        <translation>这是 RAR 打包文件，不是报告</translation>
    </message>
    <message>
        <source>it is an old Word (.doc) file; save it as .docx in Word or WPS and import that</source>
        <translation>这是以前的 Word 格式（.doc）；请在 Word 或 WPS 中另存为 .docx 后导入</translation>
    </message>
    <message>
        <source>the file is %1 MB, far larger than any report</source>
        <translation>文件有 %1 MB，比任何报告都大得多</translation>
    </message>
    <message>
        <source>no text was found in it</source>
        <translation>其中没有找到文字</translation>
    </message>
    <message>
        <source>it holds %1 characters of text, far more than a work report has: import each report on its own</source>
        <translation>其中有 %1 字，比一份工作报告多得多：请把各份报告分别导入</translation>
    </message>
    <message>
        <source>it is not text (is it an image or a program?)</source>
        <translation>这不是文本（是图片还是程序？）</translation>
    </message>
    <message>
        <source>it could not be read as %1</source>
        <translation>无法按 %1 读取</translation>
    </message>
    <message>
        <source>it holds binary data, not text</source>
        <translation>其中是二进制数据，不是文本</translation>
    </message>
    <message>
        <source>it is an empty web page</source>
        <translation>这是空网页</translation>
    </message>
    <message>
        <source>the web page has no paragraphs of text</source>
        <translation>网页中没有文字段落</translation>
    </message>
    <message>
        <source>it is a damaged PDF (%1)</source>
        <translation>这是不完整的 PDF（%1）</translation>
    </message>
    <message>
        <source>the PDF has no text, only images (a scan?); cqdesk reads PDFs with text</source>
        <translation>这个 PDF 里的内容都是图片，没有文字（是照片？）；cqdesk 读取带文字的 PDF</translation>
    </message>
    <message>
        <source>it is not a Word document that can be read (%1)</source>
        <translation>这不是可以读取的 Word 文档（%1）</translation>
    </message>
    <message>
        <source>it has no title ending in 工作报告 and no parts numbered 一、二、</source>
        <translation>标题中没有“工作报告”，没有按“一、二、”编号的部分</translation>
    </message>
    <message>
        <source>it has no title ending in 工作报告</source>
        <translation>标题中没有“工作报告”</translation>
    </message>
    <message>
        <source>the disk is full; the library is as it was</source>
        <translation>设备上的空间不够；报告库没有改动</translation>
    </message>
    <message>
        <source>%1; the library is as it was</source>
        <translation>%1；报告库没有改动</translation>
    </message>
    <message>
        <source>paragraph %1 (%2): part %3 follows part %4</source>
        <translation>第 %1 段（%2）：部分 %3 排在第 %4 部分之后</translation>
    </message>
    <message>
        <source>paragraph %1 (%2): section %3 follows section %4 of its part</source>
        <translation>第 %1 段（%2）：章节 %3 排在本部分第 %4 节之后</translation>
    </message>
    <message>
        <source>paragraph %1 (%2): point %3 follows point %4 of its section</source>
        <translation>第 %1 段（%2）：条目 %3 排在本节第 %4 条之后</translation>
    </message>
</context>
<context>
    <name>KeyFiguresDialog</name>
    <message>
        <source>Key Figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Key figures: 2024 results and 2025 targets</source>
        <translation>关键数据：2024年结果与2025年目标</translation>
    </message>
    <message>
        <source>Bars share one scale per row, where both years are numbers in one unit. Sorting groups figures by unit, then orders them by value.</source>
        <translation>两年都是同一单位的数字时，每行的两根条形按同一比例绘制。排序时先按单位分组，再按数值排列。</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
</context>
<context>
    <name>KeyFiguresModel</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>2024 result</source>
        <translation>2024年结果</translation>
    </message>
    <message>
        <source>2025 target</source>
        <translation>2025年目标</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>2024: %1 · 2025: %2 (one scale per row)</source>
        <translation>2024年：%1 · 2025年：%2（每行同一比例）</translation>
    </message>
</context>
<context>
    <name>KeywordPanel</name>
    <message>
        <source>Filter keywords</source>
        <translation>筛选关键词</translation>
    </message>
    <message>
        <source>Keywords and the sections they occur in</source>
        <translation>关键词及其所在章节</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>Import Report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>%1 sections, %2 paragraphs, %3 characters</source>
        <translation>%1 个章节，%2 段，%3 字</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Parts and sections found</source>
        <translation>找到的部分和章节</translation>
    </message>
    <message>
        <source>Some characters (%1) are in no font on this computer and will show as boxes: install a Chinese font such as Noto Sans CJK SC (Debian: fonts-noto-cjk).</source>
        <translation>有些字（%1）在本机的字体中没有，会显示为空的格子：请安装中文字体，Noto Sans CJK SC 等（Debian：fonts-noto-cjk）。</translation>
    </message>
    <message>
        <source>Warnings (the text is imported whole; these lines are placed under the nearest heading):</source>
        <translation>提示（全文都会导入；下列各行放在上一个标题下）：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Government work reports</source>
        <translation>政府工作报告</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>The clipboard holds no text to import.</source>
        <translation>没有复制的文字可以导入。</translation>
    </message>
    <message>
        <source>the text from the clipboard</source>
        <translation>复制的文字</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2.</source>
        <translation>%1 无法导入：%2。</translation>
    </message>
    <message>
        <source>%1 is already in your library.</source>
        <translation>%1 已在报告库中。</translation>
    </message>
    <message>
        <source>%1 was not imported: %2.</source>
        <translation>%1 未导入：%2。</translation>
    </message>
    <message>
        <source>Imported “%1”.</source>
        <translation>已导入“%1”。</translation>
    </message>
    <message>
        <source>%1 does not look like a government work report.</source>
        <translation>%1 看来不是政府工作报告。</translation>
    </message>
    <message>
        <source>%1. You can import it anyway: its paragraphs are kept in order, without parts or sections.</source>
        <translation>%1。还可以导入：各段按原来的顺序保留，不分部分和章节。</translation>
    </message>
    <message>
        <source>Import as &amp;Paragraphs</source>
        <translation>按段落导入(&amp;P)</translation>
    </message>
    <message>
        <source>Region unknown</source>
        <translation>地区不明</translation>
    </message>
    <message>
        <source>%1 (comes with cqdesk)</source>
        <translation>%1（cqdesk 自带）</translation>
    </message>
    <message>
        <source>(open here)</source>
        <translation>（当前）</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open &amp;Side by Side</source>
        <translation>并排打开(&amp;S)</translation>
    </message>
    <message>
        <source>Compare &amp;Years…</source>
        <translation>年度对照(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>改标题(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>来源(&amp;D)…</translation>
    </message>
    <message>
        <source>Re&amp;move from Library…</source>
        <translation>从报告库中移除(&amp;M)…</translation>
    </message>
    <message>
        <source>The report that comes with cqdesk cannot be renamed or removed</source>
        <translation>cqdesk 自带的报告不能改标题或移除</translation>
    </message>
    <message>
        <source>Rename Report</source>
        <translation>改标题</translation>
    </message>
    <message>
        <source>Name shown in the library (empty: the report&apos;s own title):</source>
        <translation>报告库中显示的标题（留空就用报告原标题）：</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>comes with cqdesk</source>
        <translation>cqdesk 自带</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>字符集</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>Library id</source>
        <translation>库中编号</translation>
    </message>
    <message>
        <source>Report Details</source>
        <translation>报告来源</translation>
    </message>
    <message>
        <source>Remove Report</source>
        <translation>移除报告</translation>
    </message>
    <message>
        <source>Remove “%1” from your library?</source>
        <translation>从报告库中移除“%1”？</translation>
    </message>
    <message>
        <source>The file you imported it from is not touched; you can import it again.</source>
        <translation>导入时用的文件不会改动，可以再次导入。</translation>
    </message>
    <message>
        <source>Your %1 notes on it are kept with your other notes and come back if you import it again.</source>
        <translation>你在这份报告上的 %1 条笔记都会保留，再次导入后就能看到。</translation>
    </message>
    <message>
        <source>Export Notes, then Remove…</source>
        <translation>先导出笔记，再移除…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>“%1” was removed from your library.</source>
        <translation>已从报告库中移除“%1”。</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <source>cqdesk notes (*.json)</source>
        <translation>cqdesk 笔记 (*.json)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a report from a file: text, Word, a saved web page or PDF</source>
        <translation>从文件导入报告：文本、Word、保存的网页或 PDF</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Reports in your library</source>
        <translation>报告库中的报告</translation>
    </message>
</context>
<context>
    <name>LicencesDialog</name>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Licence files</source>
        <translation>许可证文件</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>许可证全文</translation>
    </message>
    <message>
        <source>The licence files are missing from this installation.</source>
        <translation>此安装中缺少许可证文件。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections of the report</source>
        <translation>报告章节</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Your notes cannot be changed: %1.</source>
        <translation>你的笔记无法修改：%1。</translation>
    </message>
    <message>
        <source>Your notes cannot be read: %1. Nothing you do now is saved to them.</source>
        <translation>无法读取你的笔记：%1。现在所做的更改不会保存到笔记中。</translation>
    </message>
    <message>
        <source>bookmarked</source>
        <translation>已加书签</translation>
    </message>
    <message>
        <source>My Notes</source>
        <translation>我的笔记</translation>
    </message>
    <message>
        <source>Contents, keywords, my notes and the library</source>
        <translation>目录、关键词、我的笔记和报告库</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>报告库</translation>
    </message>
    <message>
        <source>Section text</source>
        <translation>章节正文</translation>
    </message>
    <message>
        <source>Sections and text</source>
        <translation>章节与正文</translation>
    </message>
    <message>
        <source>Compare: %1</source>
        <translation>对照：%1</translation>
    </message>
    <message>
        <source>Hit %1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <source>Copied with its reference</source>
        <translation>已连同出处复制</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>笔记内容</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation>Ctrl+Enter 保存 · Esc 取消</translation>
    </message>
    <message>
        <source>Discard the changes to this note?</source>
        <translation>放弃对这条笔记的修改？</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Remove Bookmark</source>
        <translation>移除书签</translation>
    </message>
    <message>
        <source>Add Bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>添加笔记</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <source>Change Colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>笔记(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Bookmark This Section</source>
        <translation>为本节加书签(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation>标注所选文字(&amp;H)</translation>
    </message>
    <message>
        <source>Highlight in &amp;Colour</source>
        <translation>用颜色标注(&amp;C)</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>添加笔记(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export My Notes…</source>
        <translation>导出我的笔记(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import Notes…</source>
        <translation>导入笔记(&amp;I)…</translation>
    </message>
    <message>
        <source>Restore from &amp;Backup…</source>
        <translation>从备份恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>Bookmark a section: the whole report is always here.</source>
        <translation>请为某一节加书签：报告全文始终在这里。</translation>
    </message>
    <message>
        <source>Select some text of the page to highlight first.</source>
        <translation>请先在页面中选中要标注的文字。</translation>
    </message>
    <message>
        <source>Select text within one passage of the report to highlight it.</source>
        <translation>请在报告的同一段内选择要标注的文字。</translation>
    </message>
    <message>
        <source>Edit Note…</source>
        <translation>编辑笔记…</translation>
    </message>
    <message>
        <source>Remove Highlight</source>
        <translation>移除标注</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>删除笔记</translation>
    </message>
    <message>
        <source>Export My Notes</source>
        <translation>导出我的笔记</translation>
    </message>
    <message>
        <source>Notes for import (*.json);;Markdown for reading (*.md);;CSV for Excel and WPS (*.csv)</source>
        <translation>可导入的笔记 (*.json);;便于阅读的 Markdown (*.md);;用于 Excel 和 WPS 的 CSV (*.csv)</translation>
    </message>
    <message>
        <source>Import Notes</source>
        <translation>导入笔记</translation>
    </message>
    <message>
        <source>cqdesk notes (*.json)</source>
        <translation>cqdesk 笔记 (*.json)</translation>
    </message>
    <message>
        <source>Nothing was imported: %1.</source>
        <translation>未导入任何内容：%1。</translation>
    </message>
    <message>
        <source>Imported: %1.</source>
        <translation>已导入：%1。</translation>
    </message>
    <message>
        <source>File set aside as damaged, %1</source>
        <translation>因无法读取而移到一旁的笔记文件，%1</translation>
    </message>
    <message>
        <source>Backup of %1</source>
        <translation>%1 的备份</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>There is no backup yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>Replace your notes with (your current notes are kept in a file beside it):</source>
        <translation>用以下文件替换你的笔记（当前笔记会另存一份放在旁边）：</translation>
    </message>
    <message>
        <source>Your notes were restored: %1.</source>
        <translation>你的笔记已恢复：%1。</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
</context>
<context>
    <name>NotesFeature</name>
    <message numerus="yes">
        <source>Exported %n note(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 条笔记导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Filter my notes</source>
        <translation>筛选我的笔记</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>My bookmarks, highlights and notes</source>
        <translation>我的书签、标注和笔记</translation>
    </message>
    <message>
        <source>not found in this text</source>
        <translation>在本文中未找到</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message numerus="yes">
        <source>Exported %n page(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 页到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The whole report chosen</source>
        <translation>已选整份报告</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前章节</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the chosen sections</source>
        <translation>导出所选各节</translation>
    </message>
    <message>
        <source>Choose every section</source>
        <translation>选择全部章节</translation>
    </message>
    <message>
        <source>Choose no section</source>
        <translation>取消全部选择</translation>
    </message>
    <message>
        <source>Choose the current section</source>
        <translation>选择当前章节</translation>
    </message>
    <message>
        <source>Print the chosen sections</source>
        <translation>打印所选章节</translation>
    </message>
    <message>
        <source>Sections chosen for printing</source>
        <translation>已选打印章节</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Include My Highlights and Notes</source>
        <translation>包含我的标注和笔记</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>OpenDocument text (*.odt)</source>
        <translation>OpenDocument 文本 (*.odt)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Web page, one file (*.html)</source>
        <translation>网页，单个文件 (*.html)</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>纯文本 (*.txt)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The file was not written.</source>
        <translation>文件未写入。</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>The PDF was not written.</source>
        <translation>PDF 未能写入。</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Rea&amp;d Aloud</source>
        <translation>朗读(&amp;D)</translation>
    </message>
    <message>
        <source>Read &amp;Aloud</source>
        <translation>朗读(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Pause Reading</source>
        <translation>暂停朗读(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Continue Reading</source>
        <translation>继续朗读(&amp;C)</translation>
    </message>
    <message>
        <source>Read Aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>&amp;Stop Reading</source>
        <translation>停止朗读(&amp;S)</translation>
    </message>
    <message>
        <source>Read &amp;Faster</source>
        <translation>读快一些(&amp;F)</translation>
    </message>
    <message>
        <source>Read S&amp;lower</source>
        <translation>读慢一些(&amp;L)</translation>
    </message>
    <message>
        <source>Reading aloud needs a Chinese voice, and this computer has none. On Windows add one under Settings › Time &amp; language › Speech; on macOS under Accessibility › Spoken Content; on Linux install speech-dispatcher with espeak-ng.</source>
        <translation>朗读需要中文语音，而本机没有。Windows 请在“设置 › 时间和语言 › 语音”中添加；macOS 请在“辅助功能 › 朗读内容”中添加；Linux 请安装 speech-dispatcher 和 espeak-ng。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the report (Ctrl+F)</source>
        <translation>搜索报告 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>搜索状态</translation>
    </message>
    <message>
        <source>Search my notes too</source>
        <translation>同时搜索我的笔记</translation>
    </message>
    <message>
        <source>Search every report in the library</source>
        <translation>搜索报告库中的所有报告</translation>
    </message>
    <message>
        <source>No matches for “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n 个章节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>No matches in this report</source>
        <translation>本报告中没有找到</translation>
    </message>
    <message numerus="yes">
        <source>%n in other reports</source>
        <translation>
            <numerusform>别的报告中 %n 个章节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of my notes</source>
        <translation>
            <numerusform>%n 条我的笔记</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %1 words are searched.</source>
        <translation>搜索时使用前 %1 个词。</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>我的笔记</translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message numerus="yes">
        <source>%n section(s) chosen</source>
        <translation>
            <numerusform>已选 %n 个章节</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>YearsMessages</name>
    <message>
        <source>that is the same report twice; choose two reports</source>
        <translation>两边是同一份报告，请选择两份报告</translation>
    </message>
    <message>
        <source>%1 is of %2 and %3 of %4: targets and outcomes compare two reports of one region</source>
        <translation>%1属于%2，%3属于%4：目标与完成情况只能对照同一地区的两份报告</translation>
    </message>
    <message>
        <source>the year of %1 is not known</source>
        <translation>不知道%1的年份</translation>
    </message>
    <message>
        <source>both reports are of %1; choose reports of two years</source>
        <translation>两份报告都是%1年的，请选择两个年份的报告</translation>
    </message>
    <message>
        <source>the %1 report reviews %2, not %3: choose the report of the year after the plan</source>
        <translation>%1年报告回顾的是%2年，不是%3年：请选择制定目标次年的报告</translation>
    </message>
    <message>
        <source>the %1 report cannot be the plan side: its plan states no 主要预期目标</source>
        <translation>%1年报告不能作为目标一方：其工作安排中没有主要预期目标</translation>
    </message>
    <message>
        <source>the %1 report cannot be the plan side: it has no plan part (二、…工作安排)</source>
        <translation>%1年报告不能作为目标一方：没有工作安排部分（二、…工作安排）</translation>
    </message>
    <message>
        <source>the %1 report cannot be the outcome side: it has no review of the year before (一、…工作回顾)</source>
        <translation>%1年报告不能作为完成情况一方：没有上一年的工作回顾（一、…工作回顾）</translation>
    </message>
</context>
</TS>
