"""The published XML schema (``govinfo-report-1.xsd``) and the helpers that build and load it.

The XSD is package data; :func:`govinfo.writing.xml.xml_schema` returns its bytes.
"""
