from django.contrib import admin

from newsroom.admin import DeskAdmin

from .models import PendingPurge


@admin.register(PendingPurge)
class PendingPurgeAdmin(DeskAdmin):
    """Purges the CDN has not taken yet: read-only, retried by themselves (edge.purging)."""

    list_display = ["created_at", "attempts", "next_attempt_at", "last_error", "keys"]
    readonly_fields = list_display

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
