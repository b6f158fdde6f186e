package vn.dondoc.app.agencies;

import java.util.List;

/** A ministry, province or other body that tasks and feedback are assigned to. Mirrored as Keycloak group /agencies/{code}. */
public record Agency(
    String code, String name, String shortName, String kind, List<String> aliases) {}
