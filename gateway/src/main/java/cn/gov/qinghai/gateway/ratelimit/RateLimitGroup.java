package cn.gov.qinghai.gateway.ratelimit;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/**
 * One group of anonymous routes with its own limit ({@code qinghai.rate-limit.groups.<name>}): the path prefixes it
 * covers, the burst a client may send at once ({@code capacity}) and the sustained rate ({@code per-minute}).
 */
@EachProperty("qinghai.rate-limit.groups")
public class RateLimitGroup {

    private final String name;
    private List<String> paths = List.of();
    private long capacity = 60;
    private long perMinute = 60;

    public RateLimitGroup(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public List<String> getPaths() {
        return paths;
    }

    public void setPaths(List<String> paths) {
        this.paths = List.copyOf(paths);
    }

    public long getCapacity() {
        return capacity;
    }

    public void setCapacity(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("qinghai.rate-limit.groups." + name + ".capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    public long getPerMinute() {
        return perMinute;
    }

    public void setPerMinute(long perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("qinghai.rate-limit.groups." + name + ".per-minute must be at least 1");
        }
        this.perMinute = perMinute;
    }

    boolean matches(String path) {
        return paths.stream().anyMatch(path::startsWith);
    }

    int longestPrefix() {
        return paths.stream().mapToInt(String::length).max().orElse(0);
    }
}
