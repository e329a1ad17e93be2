package cn.gov.qinghai.hotline.data;

import java.util.List;

/**
 * Which tickets a list shows. {@code prefectures} is the caller's scope ({@code null} = the whole province);
 * {@code agencyId} limits to one agency (always set for an agency caller); the rest are optional filters.
 */
public record TicketFilter(
        List<String> prefectures,
        String region,
        String agencyId,
        String state,
        String categoryCode,
        List<String> states,
        java.time.Instant from,
        java.time.Instant to) {

    public TicketFilter(List<String> prefectures, String region, String agencyId, String state, String categoryCode) {
        this(prefectures, region, agencyId, state, categoryCode, null, null, null);
    }

    String where(List<Object> args) {
        StringBuilder w = new StringBuilder("TRUE");
        if (prefectures != null) {
            w.append(" AND prefecture = ANY (?)");
            args.add(prefectures.toArray(String[]::new));
        }
        if (region != null) {
            w.append(region.endsWith("00") ? " AND prefecture = ?" : " AND region = ?");
            args.add(region);
        }
        if (agencyId != null) {
            w.append(" AND agency_id = ?");
            args.add(agencyId);
        }
        if (state != null) {
            w.append(" AND state = ?");
            args.add(state);
        }
        if (categoryCode != null) {
            w.append(" AND category_code = ?");
            args.add(categoryCode);
        }
        if (states != null) {
            w.append(" AND state = ANY (?)");
            args.add(states.toArray(String[]::new));
        }
        if (from != null) {
            w.append(" AND received_at >= ?");
            args.add(from);
        }
        if (to != null) {
            w.append(" AND received_at < ?");
            args.add(to);
        }
        return w.toString();
    }
}
