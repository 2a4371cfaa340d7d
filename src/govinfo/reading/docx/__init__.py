"""The DOCX front end: Word, WPS and LibreOffice documents read with zipfile and lxml."""
