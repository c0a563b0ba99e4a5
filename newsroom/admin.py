"""What every ModelAdmin of ours shares."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError

# The largest key a database column can hold: a bigger number typed into a form is not a key,
# and asking the database for it fails (SQLite and PostgreSQL both refuse it).
LARGEST_KEY = 2**63 - 1


def too_large(value) -> bool:
    text = str(value).strip()
    return text.isdigit() and int(text) > LARGEST_KEY


class ChoiceOfRow(forms.ModelChoiceField):
    """A choice of one row that answers a number no row can have with the usual form error."""

    def to_python(self, value):
        if too_large(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ChoiceOfRows(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for item in value or []:
            if too_large(item):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": item},
                )
        return super()._check_values(value)


def _valid_keys(field, value) -> list:
    """The values a hand-edited POST sent that can be keys of the related model at all."""
    key = field.remote_field.model._meta.pk
    valid = []
    for item in value or []:
        try:
            key.to_python(item)
        except ValidationError:
            continue
        if not too_large(item):
            valid.append(item)
    return valid


class TolerantAutocompleteSelect(AutocompleteSelect):
    # Django's widget looks up whatever was posted to show it again with the form's errors, and
    # a non-numeric id made that lookup (and the page) fail: the field's own error says it now.
    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, _valid_keys(self.field, value), attr)


class TolerantAutocompleteSelectMultiple(AutocompleteSelectMultiple):
    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, _valid_keys(self.field, value), attr)


class DeskAdmin(admin.ModelAdmin):
    """Forms that answer hand-edited keys (letters, huge numbers) with a form error."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault("widget", TolerantAutocompleteSelect(db_field, self.admin_site))
        kwargs.setdefault("form_class", ChoiceOfRow)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget", TolerantAutocompleteSelectMultiple(db_field, self.admin_site)
            )
        kwargs.setdefault("form_class", ChoiceOfRows)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
