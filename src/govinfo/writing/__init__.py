"""Writers: a report to XLSX, XML and canonical text."""
