"""The audit log's reading side (the staff page /staff/audit/ and GET /api/v1/audit) and its append-only guard.

Rows are written by the services that reveal, export, edit, merge, grant, sign in or read (AuditEntry in
sampark/core/models.py); nothing here writes one. docs/audit.md says who sees which rows and why.
"""
