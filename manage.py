#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")
    # Commands (migrate, update_index, load_hub_content, backup) may run statements longer than the
    # 5 s that bound a reader's request (hub/settings/env.py): no limit for them unless one is set.
    os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT_MS", "0")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
