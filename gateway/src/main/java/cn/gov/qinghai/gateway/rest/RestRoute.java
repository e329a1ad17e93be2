package cn.gov.qinghai.gateway.rest;

import cn.gov.qinghai.api.v1.Access;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.micronaut.http.HttpMethod;

/**
 * One REST route derived from an RPC's {@code google.api.http} binding and its {@code qinghai.api.v1.access}
 * option.
 *
 * @param service the transcoded service (name, channel)
 * @param method the HTTP method of the binding
 * @param path the binding's path template
 * @param body {@code "*"} (the whole body is the request), a top-level field name (the body is that field), or
 *             empty (no body: every field not in the path comes from the query)
 * @param rpc the gRPC method, with the generated marshallers
 * @param descriptor the RPC's descriptor (request and response types, options)
 * @param prototype the request type's default instance, to build requests from
 * @param access who may call it and how a success answers
 */
public record RestRoute(
        TranscodedService service,
        HttpMethod method,
        PathTemplate path,
        String body,
        MethodDescriptor<Message, Message> rpc,
        Descriptors.MethodDescriptor descriptor,
        Message prototype,
        Access access) {

    public boolean bodyIsWholeRequest() {
        return "*".equals(body);
    }

    public boolean hasBody() {
        return !body.isEmpty();
    }
}
