"""The paper forms as A4 PDFs (reportlab; no Qt). Every render function returns PDF bytes."""
