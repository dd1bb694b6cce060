"""Notifications: a transactional outbox and the worker and channels that empty it.

A change that should tell someone calls ``enqueue`` in its own transaction; the message
exists exactly when the change commits. ``flask --app webapp notify run`` (or one pass,
``notify send-due``) sends what is due through the configured channel, retrying provider
outages with backoff and never retrying a rejection. See ``worker`` for claiming and
leases, ``settings`` for choosing a channel, ``backoff`` for the retry schedule.
"""
