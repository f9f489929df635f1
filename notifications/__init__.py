"""A person's inbox in the admin (« Mes notifications »), filled by the
editorial workflow: an article sent back to its authors, submitted to the
editors, published for its authors; and the same by email when
``NOTIFICATIONS_BY_EMAIL`` is on."""
