"""The paper forms as A4 PDFs (reportlab; no Qt). Every render function returns PDF bytes.

For the app (run these on the background worker: they read and write the database):
- `jobs.refund_pdf(actor, refund_id=…, log=True)`: 退款申请表; `log=False` for a preview.
- `jobs.refunds_pdf(actor, ids, progress, cancelled)`: a batch as one PDF; `progress(done,
  total)` is called on the worker thread; `cancelled()` returning True raises
  `refund_form.Cancelled` (nothing is logged then).
- `jobs.handover_pdf(actor, handover_id)`: 客服部值班交接单.
- `jobs.stats_pdf(actor, sheet)`: 客服/财务退单统计表 from `reports.monthly.statistics_sheet`.
- `jobs.printout_status(qr_text)`: is a scanned printout still the current version?

Pure layouts (no database): `refund_form.render_refund(view, meta)`,
`refund_form.render_refunds(views, meta_for, progress, cancelled)`,
`handover.render_handover(view, meta)`, `stats.render_stats(sheet, meta)`."""
