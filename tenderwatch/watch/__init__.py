"""The watch: collect on a schedule, find new leads that match saved searches, alert once.

``config`` (watch.toml), ``collecting`` (the one seam to the collect stage), ``match``
(saved searches -> new matches -> outbox, one transaction), ``channels`` (email, webhook,
Atom feed), ``deliver`` (outbox -> channels), ``round`` (one round), ``loop`` (rounds
until stopped), ``check`` (``watch --check``), ``lock`` (one watch per store).
"""
