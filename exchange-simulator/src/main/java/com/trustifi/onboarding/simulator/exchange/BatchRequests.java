package com.trustifi.onboarding.simulator.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantRegistry;
import com.trustifi.onboarding.simulator.http.QueryString;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /adminapi/beta/{tenant}/$batch}: up to ten InvokeCommand sub-requests of the batch's own tenant, run one
 * after another, each answered (and faulted) as if it had been sent alone.
 */
final class BatchRequests {

    static final int MAX_REQUESTS = 10;

    private final CmdletService service;
    private final TenantRegistry tenants;
    private final String baseUri;

    BatchRequests(CmdletService service, TenantRegistry tenants, String baseUri) {
        this.service = service;
        this.tenants = tenants;
        this.baseUri = baseUri;
    }

    InvokeAnswer answer(SimulatedTenant tenant, JsonNode batch) {
        JsonNode requests = batch == null ? null : batch.get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            return InvokeAnswer.error(tenant, CmdletException.argument("The batch request must contain a non-empty \"requests\" array."));
        }
        if (requests.size() > MAX_REQUESTS) {
            return InvokeAnswer.error(tenant, CmdletException.argument("The batch contains " + requests.size()
                    + " requests; a batch may contain at most " + MAX_REQUESTS + "."));
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode request : requests) {
            String id = request.path("id").asText("");
            if (id.isBlank() || !ids.add(id)) {
                return InvokeAnswer.error(tenant, CmdletException.argument("Every batch request needs an id, unique within the batch: '" + id + "'."));
            }
        }
        List<Map<String, Object>> responses = new ArrayList<>();
        for (JsonNode request : requests) {
            responses.add(response(request.path("id").asText(), answerOne(tenant, request)));
        }
        return InvokeAnswer.json(200, Map.of("responses", responses));
    }

    private InvokeAnswer answerOne(SimulatedTenant tenant, JsonNode request) {
        if (!"POST".equalsIgnoreCase(request.path("method").asText())) {
            return InvokeAnswer.error(tenant, CmdletException.argument("Batch requests must use the POST method."));
        }
        URI url;
        try {
            url = URI.create(request.path("url").asText());
        } catch (IllegalArgumentException e) {
            return InvokeAnswer.error(tenant, CmdletException.argument("The batch request url is not a valid URL: " + request.path("url").asText()));
        }
        String[] path = String.valueOf(url.getPath()).replaceFirst("^/", "").split("/");
        if (path.length != 4 || !path[0].equals("adminapi") || !path[1].equals("beta") || !path[3].equalsIgnoreCase("InvokeCommand")
                || tenants.find(path[2]).orElse(null) != tenant) {
            return InvokeAnswer.error(tenant, CmdletException.argument(
                    "The batch request url must be /adminapi/beta/{tenant}/InvokeCommand of the batch's own tenant: " + url));
        }
        JsonNode body = request.get("body");
        PageRequest page;
        try {
            page = PageRequest.of(request.path("headers").path("Prefer").asText(null),
                    QueryString.parse(url.getRawQuery()).get("$skiptoken"));
        } catch (CmdletException e) {
            return InvokeAnswer.error(tenant, e);
        }
        String selfUrl = baseUri + "/adminapi/beta/" + path[2] + "/InvokeCommand";
        return service.answer(tenant, body != null && body.isObject() ? body : null, page, selfUrl, InvokeCommandEndpoint.metadataContext(path[2]));
    }

    private static Map<String, Object> response(String id, InvokeAnswer answer) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id);
        response.put("status", answer.status());
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        boolean raw = answer.body() instanceof InvokeAnswer.Raw;
        headers.put("Content-Type", raw ? ((InvokeAnswer.Raw) answer.body()).contentType() : "application/json; charset=utf-8");
        response.put("headers", headers);
        response.put("body", raw ? ((InvokeAnswer.Raw) answer.body()).text() : answer.body());
        return response;
    }
}
