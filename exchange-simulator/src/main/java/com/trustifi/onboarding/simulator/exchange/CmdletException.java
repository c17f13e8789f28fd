package com.trustifi.onboarding.simulator.exchange;

import java.util.List;

/**
 * A cmdlet failure as Exchange reports it: the HTTP status, the .NET exception type and its text. How these are
 * written on the wire (the 2026 or the 2023 envelope) is {@link ExchangeErrorBody}'s business.
 * Types and texts follow exchange-reference.md section 6; where it says "text not recovered", the text here is
 * plausible but invented, and the factory says so.
 */
public final class CmdletException extends RuntimeException {

    private static final String PARAMETER_BINDING = "System.Management.Automation.ParameterBindingException";
    private static final String ARGUMENT = "System.ArgumentException";
    private static final String COMMAND_INVOCATION = "Microsoft.Exchange.AdminApi.CommandInvocation.";

    private final int httpStatus;
    private final String legacyCode;
    private final String dotNetType;
    private final boolean innerErrorOnly;

    /**
     * @param legacyCode     the {@code ExNNNNNN} prefix of the 2023 envelope's details message
     * @param innerErrorOnly whether Exchange reports it only in {@code innererror.internalexception}, without {@code details}
     */
    public CmdletException(int httpStatus, String legacyCode, String dotNetType, String text, boolean innerErrorOnly) {
        super(text);
        this.httpStatus = httpStatus;
        this.legacyCode = legacyCode;
        this.dotNetType = dotNetType;
        this.innerErrorOnly = innerErrorOnly;
    }

    public CmdletException(int httpStatus, String legacyCode, String dotNetType, String text) {
        this(httpStatus, legacyCode, dotNetType, text, false);
    }

    /** PowerShell's own text for an unknown cmdlet. */
    public static CmdletException commandNotFound(String cmdletName) {
        return new CmdletException(400, "Ex8E1C05", "System.Management.Automation.CommandNotFoundException",
                "The term '" + cmdletName + "' is not recognized as a name of a cmdlet, function, script file, or executable program. "
                        + "Check the spelling of the name, or if a path was included, verify that the path is correct and try again.");
    }

    /** Captured 2026 [S2] for one unknown name; several unknown names joined by ", " is an inference. */
    public static CmdletException unknownParameters(List<String> names) {
        return new CmdletException(400, "Ex1B3B5F", COMMAND_INVOCATION + "AmbiguousParameterSetException",
                "Parameter set cannot be resolved using the specified named parameters. Invalid cmdlet parameters specified. "
                        + String.join(", ", names));
    }

    /** PowerShell's binder text; not among the captures. */
    public static CmdletException missingMandatory(String parameterName) {
        return new CmdletException(400, "Ex1B3B5F", PARAMETER_BINDING,
                "Cannot process command because of one or more missing mandatory parameters: " + parameterName + ".");
    }

    /** Captured 2026 [S2]: reported only in innererror, without details. */
    public static CmdletException cannotConvert(String parameterName, Object value, String dotNetTargetType, String reason) {
        return new CmdletException(400, "Ex1B3B5F", COMMAND_INVOCATION + "ParameterTransformationException",
                "Cannot process argument transformation on parameter '" + parameterName + "'. Cannot convert value \""
                        + value + "\" to type \"" + dotNetTargetType + "\". Error: \"" + reason + "\"", true);
    }

    /** Captured 2023 [S1]; HTTP 404 is an inference from {@code error.code} "NotFound". */
    public static CmdletException objectNotFound(String identity, String domainController) {
        return new CmdletException(404, "Ex6F9304", "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
                "The operation couldn't be performed because object '" + identity + "' couldn't be found on '" + domainController + "'.");
    }

    public static CmdletException dataValidation(String text) {
        return new CmdletException(400, "Ex3A6A1D", "Microsoft.Exchange.Data.DataValidationException", text);
    }

    /** [S7] gives the type; the text is not recovered, so this one is invented. */
    public static CmdletException outboundConnectorExists(String name) {
        return new CmdletException(400, "Ex5D2D7B", "Microsoft.Exchange.Management.Tasks.ErrorOutboundConnectorAlreadyExistsException",
                "An outbound connector with the name " + name + " already exists.");
    }

    /** By analogy with the outbound connector's type (an inference); the text is invented. */
    public static CmdletException inboundConnectorExists(String name) {
        return new CmdletException(400, "Ex5D2D7C", "Microsoft.Exchange.Management.Tasks.ErrorInboundConnectorAlreadyExistsException",
                "An inbound connector with the name " + name + " already exists.");
    }

    /** [S7]: an ArgumentException on parameter Name; the text is not recovered, so this one is invented. */
    public static CmdletException ruleNameExists(String name) {
        return argument("A transport rule with the name '" + name + "' already exists. Parameter name: Name");
    }

    public static CmdletException argument(String text) {
        return new CmdletException(400, "Ex0B1A2C", ARGUMENT, text);
    }

    /** [S7] type; the text is invented: remove or change the rule first. */
    public static CmdletException connectorStillReferenced(String connector, String rule) {
        return new CmdletException(400, "Ex4C0D31",
                "Microsoft.Exchange.Management.SystemConfigurationTasks.ConnectorIncorrectUsageConnectorStillReferencedException",
                "The connector " + connector + " is still referenced by the transport rule " + rule
                        + ". Remove the connector from the rule's RouteMessageOutboundConnector action first.");
    }

    /** [S7] type; the text is invented. */
    public static CmdletException reservedAddresses(String range) {
        return new CmdletException(400, "Ex7E2B90", "Microsoft.Exchange.Management.Tasks.IPRangeInConnectorContainsReservedIPAddressesException",
                "The IP range " + range + " contains reserved IP addresses. Specify public IP addresses only.");
    }

    /** Dehydrated tenants share configuration with others until they are customized [S5][S7]. */
    public static CmdletException notCustomized() {
        return new CmdletException(400, "Ex4E9C1B", "Microsoft.Exchange.Configuration.Tasks.InvalidOperationInDehydratedContextException",
                "The command you tried to run isn't currently allowed in your organization. To run this command, you first need to "
                        + "run the command: Enable-OrganizationCustomization.");
    }

    /** [S6]. */
    public static CmdletException alreadyCustomized() {
        return new CmdletException(400, "Ex2C6D0E", "System.InvalidOperationException",
                "This operation is not required. Organization is already enabled for customization.");
    }

    /** Invented: Exchange's own 429 for a spent budget was not captured. */
    public static CmdletException throttled(int retryAfterSeconds) {
        return new CmdletException(429, "Ex8B5E21", "Microsoft.Exchange.Data.Directory.OverBudgetException",
                "The request was throttled because the tenant exceeded its budget. Retry after " + retryAfterSeconds + " seconds.");
    }

    public static CmdletException internalError() {
        return new CmdletException(500, "Ex0D1F7A", "System.Exception",
                "An internal server error occurred. The operation failed. Please try again later.");
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String legacyCode() {
        return legacyCode;
    }

    public String dotNetType() {
        return dotNetType;
    }

    public boolean innerErrorOnly() {
        return innerErrorOnly;
    }
}
