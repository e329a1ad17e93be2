package cn.gov.qinghai.gateway.dev;

import cn.gov.qinghai.gateway.api.Problem;
import cn.gov.qinghai.gateway.api.ProblemException;
import cn.gov.qinghai.kit.auth.TokenMinter;
import cn.gov.qinghai.kit.region.Regions;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * LOCAL PROFILE ONLY: mints development tokens so a developer can try department routes. The bean does not exist
 * unless the {@code local} environment is active (the launcher sets it; the chart never does).
 */
@Requires(env = "local")
@Controller("/dev/tokens")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class DevTokenController {

    private final TokenMinter minter;

    DevTokenController(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret,
                       Clock clock) {
        this.minter = new TokenMinter(secret, clock);
    }

    /** {@code {"subject": "...", "roles": ["wage:admin"], "region": "630000", "org": "optional"}}. */
    @Post
    public DevToken mint(@Body DevTokenRequest request) {
        List<Problem.InvalidField> errors = new ArrayList<>();
        if (request.subject() == null || !request.subject().matches("[\\w.@:-]{1,64}")) {
            errors.add(new Problem.InvalidField("subject", "is required: 1-64 letters, digits or . @ : - _"));
        }
        if (request.roles() == null || request.roles().isEmpty()
                || request.roles().stream().anyMatch(r -> r == null || !r.matches("[a-z-]+:[a-z-]+"))) {
            errors.add(new Problem.InvalidField("roles", "must list roles such as wage:admin"));
        }
        String region = request.region() == null ? Regions.PROVINCE : request.region();
        if (!Regions.PROVINCE.equals(region) && !Regions.isWithinQinghai(region)) {
            errors.add(new Problem.InvalidField("region", "must be 630000 or a GB/T 2260 code inside Qinghai"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Duration ttl = Duration.ofHours(8);
        String token = minter.mint(request.subject(), request.roles(), region, request.org(), ttl);
        return new DevToken(token, "Bearer", ttl.toSeconds());
    }

    @Serdeable
    public record DevTokenRequest(@Nullable String subject, @Nullable List<String> roles, @Nullable String region,
                                  @Nullable String org) {
    }

    @Serdeable
    public record DevToken(String token, String tokenType, long expiresInSeconds) {
    }
}
