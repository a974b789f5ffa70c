"""Provider registry: adding a provider is one module and one line here."""

from types import ModuleType

from sampark.telephony.providers import exotel, generic, myoperator, ozonetel, plivo, twilio

PROVIDERS: dict[str, ModuleType] = {
    module.NAME: module for module in (exotel, twilio, plivo, myoperator, ozonetel, generic)
}
