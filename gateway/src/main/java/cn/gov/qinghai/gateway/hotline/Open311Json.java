package cn.gov.qinghai.gateway.hotline;

import cn.gov.qinghai.hotline.v1.Category;
import cn.gov.qinghai.hotline.v1.Ticket;
import cn.gov.qinghai.hotline.v1.TicketEvent;
import cn.gov.qinghai.hotline.v1.TicketState;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Hotline messages in Open311 GeoReport v2 shape (snake_case fields, arrays at the top level). Only the public view
 * of a ticket is ever written here: no description, address, coordinates or contact (personal data stays with the
 * 12345 centre; the Open311 fields are optional).
 */
final class Open311Json {

    private Open311Json() {}

    /** A service of {@code services.json}: one diverted category of 二(二)3. */
    static JsonObject service(Category c, boolean english) {
        JsonObject o = new JsonObject();
        o.addProperty("service_code", c.getCode());
        o.addProperty("service_name", english ? c.getNameEn() : c.getNameZh());
        o.addProperty(
                "description",
                (english ? c.getNameEn() : c.getNameZh()) + " — 青政办〔2017〕96号 "
                        + c.getCitation().getClause() + "; hotline " + c.getHotline());
        o.addProperty("metadata", false);
        o.addProperty("type", "realtime");
        o.addProperty("keywords", String.join(",", c.getKeywordsList()));
        o.addProperty("group", c.getHotline());
        return o;
    }

    /** A service request of {@code requests.json} / {@code requests/{id}.json}. */
    static JsonObject request(Ticket t, boolean english) {
        JsonObject o = new JsonObject();
        o.addProperty("service_request_id", t.getNumber());
        o.addProperty("status", closed(t.getState()) ? "closed" : "open");
        o.addProperty("status_notes", t.getResult());
        o.addProperty("service_name", english ? t.getCategoryNameEn() : t.getCategoryNameZh());
        o.addProperty("service_code", t.getCategoryCode());
        o.addProperty("agency_responsible", t.getAgencyName());
        o.addProperty(
                "service_notice",
                "state " + t.getState().name() + "; resolve by " + t.getClock().getResolveDueAt());
        o.addProperty("requested_datetime", t.getReceivedAt());
        String updated = t.getReceivedAt();
        for (TicketEvent e : t.getHistoryList()) {
            updated = e.getAt();
        }
        o.addProperty("updated_datetime", updated);
        o.addProperty("expected_datetime", t.getClock().getResolveDueAt());
        o.addProperty("zipcode", t.getRegion());
        return o;
    }

    static boolean closed(TicketState s) {
        return s == TicketState.CLOSED || s == TicketState.HANDED_TO_110;
    }

    /** Open311 errors: {@code [{"code": <http status>, "description": "..."}]}, one per invalid field. */
    static JsonArray errors(int status, StatusRuntimeException e) {
        JsonArray out = new JsonArray();
        com.google.rpc.Status details = StatusProto.fromThrowable(e);
        if (details != null) {
            for (var any : details.getDetailsList()) {
                if (any.is(BadRequest.class)) {
                    try {
                        any.unpack(BadRequest.class)
                                .getFieldViolationsList()
                                .forEach(v -> out.add(error(
                                        status, Open311Fields.open311Name(v.getField()) + ": " + v.getDescription())));
                    } catch (InvalidProtocolBufferException ignored) {
                        // fall back to the status message below
                    }
                }
            }
        }
        if (out.isEmpty()) {
            out.add(error(status, e.getStatus().getDescription()));
        }
        return out;
    }

    static JsonObject error(int code, String description) {
        JsonObject o = new JsonObject();
        o.addProperty("code", code);
        o.addProperty("description", description == null ? "" : description);
        return o;
    }
}
