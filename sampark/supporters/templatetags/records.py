from django import template

from sampark.supporters.records.counts import indian

register = template.Library()


@register.filter(name="indian")
def indian_filter(value):
    """{{ n|indian }} → 12,30,000"""
    try:
        return indian(int(value))
    except (TypeError, ValueError):
        return value
