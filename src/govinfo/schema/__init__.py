"""The formats govinfo defines itself, shared by its writers and readers.

``govinfo-report-1.xsd`` (built by :mod:`._xsd`, names and text encoding in :mod:`._format`)
for XML, the key column of govinfo's own workbooks (:mod:`._workbook`), and the layout of
its canonical text (:mod:`._text`). Writers and readers
both import from here, never from each other. The XSD is package data;
:func:`govinfo.writing.xml.xml_schema` returns its bytes.
"""
