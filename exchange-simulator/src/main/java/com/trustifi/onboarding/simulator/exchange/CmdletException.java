package com.trustifi.onboarding.simulator.exchange;

/**
 * A cmdlet failure as Exchange reports it: an error code, the .NET exception type and its text,
 * which the endpoint joins as {@code code|type|text} the way the real admin API does.
 */
public final class CmdletException extends RuntimeException {

    private static final String PARAMETER_BINDING = "System.Management.Automation.ParameterBindingException";
    private static final String DATA_VALIDATION = "Microsoft.Exchange.Data.DataValidationException";

    private final int httpStatus;
    private final String errorCode;
    private final String dotNetType;

    public CmdletException(int httpStatus, String errorCode, String dotNetType, String text) {
        super(text);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.dotNetType = dotNetType;
    }

    public static CmdletException commandNotFound(String cmdletName) {
        return new CmdletException(400, "Ex8E1C05", "System.Management.Automation.CommandNotFoundException",
                "The term '" + cmdletName + "' is not recognized as a name of a cmdlet, function, script file, or executable program. "
                        + "Check the spelling of the name, or if a path was included, verify that the path is correct and try again.");
    }

    public static CmdletException parameterNotFound(String parameterName) {
        return new CmdletException(400, "Ex1B3B5F", PARAMETER_BINDING,
                "A parameter cannot be found that matches parameter name '" + parameterName + "'.");
    }

    public static CmdletException missingMandatory(String parameterName) {
        return new CmdletException(400, "Ex1B3B5F", PARAMETER_BINDING,
                "Cannot process command because of one or more missing mandatory parameters: " + parameterName + ".");
    }

    public static CmdletException cannotConvert(String parameterName, Object value, String dotNetTargetType, String reason) {
        return new CmdletException(400, "Ex1B3B5F", PARAMETER_BINDING,
                "Cannot process argument transformation on parameter '" + parameterName + "'. Cannot convert value \""
                        + value + "\" to type \"" + dotNetTargetType + "\". Error: \"" + reason + "\"");
    }

    /** The text Exchange uses for every missing -Identity; the server name is the simulated domain controller. */
    public static CmdletException objectNotFound(String identity, String domainController) {
        return new CmdletException(400, "Ex6F9304", "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
                "The operation couldn't be performed because object '" + identity + "' couldn't be found on '" + domainController + "'.");
    }

    public static CmdletException dataValidation(String text) {
        return new CmdletException(400, "Ex3A6A1D", DATA_VALIDATION, text);
    }

    public static CmdletException nameExists(String objectKind, String name) {
        return new CmdletException(400, "Ex5D2D7B", "Microsoft.Exchange.Management.Tasks.ConnectorNameExistsException",
                "An " + objectKind + " connector with name " + name + " already exists.");
    }

    public static CmdletException ruleNameExists(String name) {
        return new CmdletException(400, "Ex7F4A11", "Microsoft.Exchange.MessagingPolicies.Rules.Tasks.RuleNameAlreadyExistsException",
                "A transport rule with name '" + name + "' already exists. Rule names must be unique.");
    }

    public static CmdletException argument(String text) {
        return new CmdletException(400, "Ex0B1A2C", "System.ArgumentException", text);
    }

    /** Dehydrated tenants share configuration with others until they are customized. */
    public static CmdletException notCustomized() {
        return new CmdletException(400, "Ex4E9C1B", "Microsoft.Exchange.Management.Tasks.OrganizationCustomizationNotEnabledException",
                "The command you tried to run isn't currently allowed in your organization. To run this command, you first need to "
                        + "run the command: Enable-OrganizationCustomization.");
    }

    public static CmdletException alreadyCustomized() {
        return new CmdletException(400, "Ex2C6D0E", "Microsoft.Exchange.Management.Tasks.InvalidOperationInDehydratedContextException",
                "This operation is not required. Organization is already enabled for customization.");
    }

    /** The text Exchange answers an app whose service principal holds no Exchange role in the tenant. */
    public static CmdletException roleNotAssigned(String clientId) {
        return new CmdletException(403, "Ex9A0E44", "System.UnauthorizedAccessException",
                "The role assigned to application " + clientId + " isn't supported in this scenario. Please check online "
                        + "documentation for assigning correct Directory Roles to Azure AD Application for EXO App-Only Authentication. "
                        + "The application's service principal needs the Exchange Administrator role.");
    }

    public static CmdletException tooManyConcurrentRequests(int limit) {
        return new CmdletException(429, "Ex3F0C6E", "Microsoft.Exchange.Configuration.Tasks.ThrottlingException",
                "You have reached the maximum number of concurrent requests per tenant (" + limit + "). Please wait for the "
                        + "previous requests to complete and retry.");
    }

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

    public String errorCode() {
        return errorCode;
    }

    public String dotNetType() {
        return dotNetType;
    }
}
