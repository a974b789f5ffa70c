"""Supporter records for staff: the list (filters, search, keyset pages, counts), the record (timeline, consent,
tags, stage history, edit with a reason), merge, export, and their API. Decisions: docs/supporters.md."""
