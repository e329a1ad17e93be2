package cn.gov.qinghai.gateway.rest;

import io.grpc.Channel;
import io.grpc.ServiceDescriptor;

/**
 * One gRPC service the department REST API transcodes: the name used in problems, logs and the look-up cache
 * (the gRPC channel's name, e.g. {@code wage}), its generated descriptor (whose RPCs carry the
 * {@code google.api.http} bindings) and the channel to it. Registering a service is one bean of this type, next to
 * the service's stubs, e.g. {@code new TranscodedService("wage", WageServiceGrpc.getServiceDescriptor(), channel)}.
 */
public record TranscodedService(String name, ServiceDescriptor descriptor, Channel channel) {}
