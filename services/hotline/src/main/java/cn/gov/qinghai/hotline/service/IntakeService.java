package cn.gov.qinghai.hotline.service;

import cn.gov.qinghai.hotline.data.EmergencyReferralRepository;
import cn.gov.qinghai.hotline.data.EmergencyReferralRow;
import cn.gov.qinghai.hotline.data.EventRow;
import cn.gov.qinghai.hotline.data.TicketEventRepository;
import cn.gov.qinghai.hotline.data.TicketRepository;
import cn.gov.qinghai.hotline.data.TicketRow;
import cn.gov.qinghai.hotline.rules.Agency;
import cn.gov.qinghai.hotline.rules.Classifier;
import cn.gov.qinghai.hotline.rules.Routing;
import cn.gov.qinghai.hotline.rules.TimeLimits;
import cn.gov.qinghai.hotline.v1.Channel;
import cn.gov.qinghai.hotline.v1.Classification;
import cn.gov.qinghai.hotline.v1.Source;
import cn.gov.qinghai.hotline.v1.SubmitTicketRequest;
import cn.gov.qinghai.hotline.v1.SubmitTicketResponse;
import cn.gov.qinghai.hotline.v1.TicketAction;
import cn.gov.qinghai.hotline.v1.TicketState;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.PlatformGrpcFactory;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.region.Regions;
import com.google.protobuf.InvalidProtocolBufferException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Intake of a matter (96号 二(一): 12345 "主要受理各类非警务的咨询、投诉、建议和求助类事项"): classify, then either answer
 * "call 110 now" (no ticket) or open a ticket routed to its agency, with its clock. Idempotent on the request id;
 * the ticket, its history rows and the referral are written in one transaction.
 */
@Singleton
public class IntakeService {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** 96号 takes effect: no call is received before it. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2017, 6, 5);

    private final CatalogueService catalogue;
    private final Classifier classifier;
    private final Routing routing;
    private final TimeLimits limits;
    private final TicketRepository tickets;
    private final TicketEventRepository events;
    private final EmergencyReferralRepository emergencies;
    private final TicketView view;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IntakeService(
            CatalogueService catalogue,
            Classifier classifier,
            Routing routing,
            TimeLimits limits,
            TicketRepository tickets,
            TicketEventRepository events,
            EmergencyReferralRepository emergencies,
            TicketView view,
            Clock clock) {
        this.catalogue = catalogue;
        this.classifier = classifier;
        this.routing = routing;
        this.limits = limits;
        this.tickets = tickets;
        this.events = events;
        this.emergencies = emergencies;
        this.view = view;
        this.clock = clock;
    }

    @Transactional
    public SubmitTicketResponse submit(SubmitTicketRequest r) {
        Caller caller = Caller.current();
        Source source = r.getSource() == Source.SOURCE_UNSPECIFIED ? Source.PORTAL : r.getSource();
        if (source == Source.PHONE_12345 || source == Source.TRANSFER_FROM_110) {
            caller.requireAnyRole(Access.OPERATOR);
        }
        FieldErrors errors = new FieldErrors();
        // a call entered after the fact is received, numbered, routed and timed as of its own day (noon, China)
        LocalDate receivedOn = receivedOn(errors, r.getReceivedOn());
        if (!r.getReceivedOn().isEmpty()) {
            caller.requireAnyRole(Access.OPERATOR);
        }
        Instant clockNow = clock.instant();
        Instant now = receivedOn == null
                ? clockNow
                : receivedOn.atTime(12, 0).atZone(PlatformGrpcFactory.CHINA).toInstant();
        LocalDate today = LocalDate.ofInstant(now, PlatformGrpcFactory.CHINA);
        String requestId = Validation.requestId(errors, "requestId", r.getRequestId());
        String description = errors.text("description", r.getDescription(), FieldErrors.MAX_TEXT);
        String category = Validation.category(errors, "categoryCode", r.getCategoryCode(), catalogue.inForce(today));
        String region = errors.qinghaiRegion("region", r.getRegion());
        String address = Objects.requireNonNullElse(errors.optionalText("address", r.getAddress(), 200), "");
        Validation.coordinates(errors, r.getLatitude(), r.getLongitude());
        String phone = Objects.requireNonNullElse(Validation.phone(errors, r.getCallerPhone()), "");
        errors.throwIfAny();

        String hash =
                hash(r.toBuilder().setRequestId("").setSource(source).build().toByteArray());
        Optional<SubmitTicketResponse> replay = replay(requestId, hash, caller, clockNow);
        if (replay.isPresent()) {
            return replay.get();
        }
        Classification c = classifier.classify(description, category, region, today);
        String prefecture = Regions.prefectureOf(region);
        if (c.getCall110Now()) {
            boolean inserted = emergencies.insertIfNew(new EmergencyReferralRow(
                            null,
                            requestId,
                            hash,
                            region,
                            prefecture,
                            c.getCategoryCode(),
                            c.getChannel().name(),
                            now,
                            c.toByteArray()))
                    == 1;
            return inserted
                    ? SubmitTicketResponse.newBuilder().setClassification(c).build()
                    : replay(requestId, hash, caller, clockNow).orElseThrow();
        }
        Optional<Agency> agency = c.getChannel() == Channel.HOTLINE_TICKET
                ? routing.route(region, c.getCategoryCode(), today)
                : Optional.empty();
        TicketState state = agency.isPresent() ? TicketState.ASSIGNED : TicketState.PENDING_CLASSIFICATION;
        TimeLimits.Limits l = limits.of(region, c.getCategoryCode().isEmpty() ? null : c.getCategoryCode(), today);
        TicketRow row = new TicketRow(
                0,
                number(today),
                requestId,
                hash,
                state.name(),
                region,
                prefecture,
                c.getCategoryCode().isEmpty() ? null : c.getCategoryCode(),
                c.getChannel().name(),
                c.getHotline(),
                c.getHandOff().name(),
                agency.map(Agency::id).orElse(null),
                description,
                address,
                r.getLatitude(),
                r.getLongitude(),
                phone,
                source.name(),
                now,
                l.acceptHours(),
                l.resolveHours(),
                now.plus(Duration.ofHours(l.acceptHours())),
                now.plus(Duration.ofHours(l.resolveHours())),
                null,
                null,
                null,
                null,
                "",
                "FEEDBACK_UNSPECIFIED",
                0,
                1,
                c.toByteArray());
        if (tickets.insertIfNew(row) == 0) {
            return replay(requestId, hash, caller, clockNow).orElseThrow();
        }
        TicketRow t = tickets.findByRequestId(requestId).orElseThrow();
        String actor = caller.isAnonymous() ? "public" : caller.subject();
        events.append(new EventRow(
                t.id(),
                0,
                TicketAction.TICKET_ACTION_UNSPECIFIED.name(),
                "RECEIVED",
                TicketState.TICKET_STATE_UNSPECIFIED.name(),
                TicketState.PENDING_CLASSIFICATION.name(),
                actor,
                now,
                c.getReason(),
                "",
                null));
        if (agency.isPresent()) {
            events.append(new EventRow(
                    t.id(),
                    0,
                    TicketAction.TICKET_ACTION_UNSPECIFIED.name(),
                    "ROUTED",
                    TicketState.PENDING_CLASSIFICATION.name(),
                    TicketState.ASSIGNED.name(),
                    "routing",
                    now,
                    c.getCategoryCode() + " → " + agency.get().name(),
                    agency.get().id(),
                    null));
        }
        return SubmitTicketResponse.newBuilder()
                .setClassification(c)
                .setTicket(view.of(t, events.findByTicketIdOrderBySeq(t.id()), level(caller), clockNow))
                .build();
    }

    /** {@code receivedOn}: optional ISO day, not in the future, not before 96号 took effect (2017-06-05). */
    private LocalDate receivedOn(FieldErrors errors, String value) {
        LocalDate day = errors.optionalDate("receivedOn", value);
        if (day == null) {
            return null;
        }
        if (day.isAfter(LocalDate.ofInstant(clock.instant(), PlatformGrpcFactory.CHINA))) {
            errors.add("receivedOn", "must not be in the future");
            return null;
        }
        if (day.isBefore(FIRST_DAY)) {
            errors.add("receivedOn", "must be " + FIRST_DAY + " or later (96号 takes effect)");
            return null;
        }
        return day;
    }

    /** The first answer to {@code requestId}, if any; a different payload under it is REQUEST_ID_REUSED. */
    private Optional<SubmitTicketResponse> replay(String requestId, String hash, Caller caller, Instant now) {
        Optional<TicketRow> t = tickets.findByRequestId(requestId);
        if (t.isPresent()) {
            reused(t.get().payloadHash(), hash, requestId);
            return Optional.of(SubmitTicketResponse.newBuilder()
                    .setClassification(parse(t.get().classification()))
                    .setTicket(view.of(
                            t.get(), events.findByTicketIdOrderBySeq(t.get().id()), level(caller), now))
                    .setReplayed(true)
                    .build());
        }
        Optional<EmergencyReferralRow> e = emergencies.findByRequestId(requestId);
        if (e.isPresent()) {
            reused(e.get().payloadHash(), hash, requestId);
            return Optional.of(SubmitTicketResponse.newBuilder()
                    .setClassification(parse(e.get().classification()))
                    .setReplayed(true)
                    .build());
        }
        return Optional.empty();
    }

    private static void reused(String stored, String hash, String requestId) {
        if (!stored.equals(hash)) {
            throw ServiceException.alreadyExists(
                    "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different matter");
        }
    }

    /** The submitter sees the full ticket (it is their own matter); the public view never shows actors. */
    private static TicketView.Level level(Caller caller) {
        return caller.hasRole(Access.OPERATOR) ? TicketView.Level.FULL : TicketView.Level.PUBLIC;
    }

    private String number(LocalDate day) {
        StringBuilder s = new StringBuilder(DAY.format(day)).append('-');
        for (int i = 0; i < 8; i++) {
            s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }

    private static Classification parse(byte[] bytes) {
        try {
            return Classification.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored classification is unreadable", e);
        }
    }

    static String hash(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
