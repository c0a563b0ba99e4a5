from django.contrib import admin, messages

from newsroom.admin import DeskAdmin

from .models import ApiKey


@admin.register(ApiKey)
class ApiKeyAdmin(DeskAdmin):
    """Keys for apps and partners; Site admins only (accounts.roles)."""

    list_display = ["name", "prefix", "requests_per_minute", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "prefix"]
    readonly_fields = ["prefix", "created_at"]
    actions = ["replace_keys"]

    def save_model(self, request, obj, form, change):
        key = None if change else obj.issue()
        super().save_model(request, obj, form, change)
        if key:
            self.show_key(request, obj, key)

    def delete_queryset(self, request, queryset):
        for api_key in queryset:
            api_key.delete()  # one by one, so the gateway forgets each at once

    @admin.action(description="Replace the keys of selected clients", permissions=["change"])
    def replace_keys(self, request, queryset):
        for api_key in queryset:
            key = api_key.issue()
            api_key.save(update_fields=["prefix", "key_hash"])
            self.show_key(request, api_key, key)

    @staticmethod
    def show_key(request, api_key: ApiKey, key: str) -> None:
        messages.warning(
            request,
            f"The key for {api_key.name} is {key}. Copy it now and give it to the client: "
            "it is kept only as a hash and is never shown again.",
        )
