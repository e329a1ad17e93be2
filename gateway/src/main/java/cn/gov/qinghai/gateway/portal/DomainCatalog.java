package cn.gov.qinghai.gateway.portal;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The seven policy domains of the platform in navigation order, and which of them have live pages (a
 * {@link PortalSection} bean). Titles come from the messages {@code domain.<key>}.
 */
@Singleton
public class DomainCatalog {

    /** Every domain of the platform, live or not, in navigation order. */
    public static final List<String> DOMAINS =
            List.of("wage", "dibao", "enterprise-cost", "retail", "health-data", "broadband", "hotline");

    private final BeanProvider<PortalSection> sections;
    private volatile Map<String, PortalSection> live;

    /** Sections are looked up on first use: they are controllers that themselves use the portal's beans. */
    public DomainCatalog(BeanProvider<PortalSection> sections) {
        this.sections = sections;
    }

    private Map<String, PortalSection> live() {
        Map<String, PortalSection> l = live;
        if (l == null) {
            l = sections.stream().collect(Collectors.toMap(PortalSection::domain, Function.identity()));
            live = l;
        }
        return l;
    }

    /** Navigation entries for every domain; {@code path} is empty for a domain that is not live yet. */
    public List<Entry> entries() {
        return DOMAINS.stream().map(d -> new Entry(d, path(d).orElse(""))).toList();
    }

    public Optional<String> path(String domain) {
        return Optional.ofNullable(live().get(domain)).map(PortalSection::path);
    }

    public boolean isLive(String domain) {
        return live().containsKey(domain);
    }

    /** One domain in the navigation. */
    public record Entry(String domain, String path) {
        public boolean live() {
            return !path.isEmpty();
        }

        public String titleKey() {
            return "domain." + domain;
        }

        public String blurbKey() {
            return "domain." + domain + ".blurb";
        }
    }
}
