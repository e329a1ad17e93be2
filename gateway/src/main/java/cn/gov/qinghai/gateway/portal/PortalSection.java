package cn.gov.qinghai.gateway.portal;

/**
 * A domain whose public pages are live. A domain adds its pages by one controller implementing this interface
 * (plus its templates under {@code views/<domain>/} and its messages in {@code i18n/<domain>*.properties}); the
 * navigation and the policy-document pages then link to it instead of showing it as coming.
 *
 * @see DomainCatalog
 */
public interface PortalSection {

    /** Domain key as in {@link DomainCatalog}, for example {@code "wage"}. */
    String domain();

    /** Entry page of the domain, for example {@code "/wage"}: every section's controller is mounted at its key. */
    default String path() {
        return "/" + domain();
    }
}
