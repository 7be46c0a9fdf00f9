"""The audit trail in the console: the admins' and supervisors' view, and the workspace's tab."""
