"""Demo content for a fresh site: ``python manage.py load_demo``.

``content/`` holds the words (sections, authors, articles), ``loader`` puts
them in the database, ``images`` draws the hero illustrations.
"""
