package io.jenkins.plugins.openchoreo;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.Util;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.openchoreo.client.rules.Urls;
import io.jenkins.plugins.openchoreo.client.auth.ClientAuthMethod;
import io.jenkins.plugins.openchoreo.client.deploy.DeployMode;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;

/** Form logic the global configuration, the step and the post-build action share (one copy, not three). */
final class Forms {

    /** Username with password (client id and secret) or Secret text (a ready token). */
    static final CredentialsMatcher USABLE_CREDENTIALS = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.instanceOf(StringCredentials.class));

    private Forms() {}

    /**
     * The credentials a user may pick, with the enumeration checks of the credentials plugin's
     * consumer guide: without the right permission only the current value comes back. SYSTEM
     * lists them because the build, not the user, will use them. Filtered with the domain
     * requirements a deploy uses ({@link CredentialsResolver#domainRequirements}): the API URL and the
     * token URL, each the form's value or else the global one, so the list offers no id that the
     * build would then report as "No credentials". (A token URL left to discovery is checked when
     * the deploy runs: a form makes no request.) Both URLs are fill parameters, so the list is
     * filled again when either field changes ({@code fillDependsOn}).
     *
     * @param item the job, or null on the global configuration page
     */
    static ListBoxModel credentialsItems(Item item, String current, String apiUrl, String tokenUrl) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (item == null) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                result.includeCurrentValue(current);
                return result;
            }
        } else if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            result.includeCurrentValue(current);
            return result;
        }
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        String api = Util.fixEmptyAndTrim(apiUrl);
        String token = Util.fixEmptyAndTrim(tokenUrl);
        List<DomainRequirement> requirements = CredentialsResolver.domainRequirements(
                api == null ? config.getApiUrl() : api, token == null ? config.getTokenUrl() : token);
        result.includeEmptyValue();
        if (item == null) {
            result.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, requirements,
                    USABLE_CREDENTIALS);
        } else {
            result.includeMatchingAs(ACL.SYSTEM2, item, StandardCredentials.class, requirements, USABLE_CREDENTIALS);
        }
        result.includeCurrentValue(current);
        return result;
    }

    /** Syntax only (no request is made, so no permission is needed): absolute http(s), no credentials in it. */
    static FormValidation checkUrl(String what, String value, boolean required) {
        if (Util.fixEmptyAndTrim(value) == null) {
            return required ? FormValidation.error(Messages.Forms_required(what)) : FormValidation.ok();
        }
        if (value.contains("${")) {
            return FormValidation.ok(); // expanded from the build's environment at run time
        }
        try {
            Urls.require(what, value);
            return FormValidation.ok();
        } catch (OpenChoreoException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** A wait timeout as {@link WaitTimeout} reads it; blank is the default, {@code ${VAR}} is checked at run time. */
    static FormValidation checkWaitTimeout(String value) {
        if (Util.fixEmptyAndTrim(value) == null || value.contains("${")) {
            return FormValidation.ok();
        }
        try {
            WaitTimeout.parse(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation checkRange(int value, int min, int max) {
        return value >= min && value <= max ? FormValidation.ok()
                : FormValidation.error(Messages.Forms_range(min, max));
    }

    /** Suggestions for the mode combo box, which also takes {@code ${VAR}} in a freestyle job. */
    static ComboBoxModel modeItems() {
        ComboBoxModel items = new ComboBoxModel();
        for (DeployMode mode : DeployMode.values()) {
            items.add(mode.wireName());
        }
        return items;
    }

    /** A mode as {@link ArgumentResolver#mode} reads it; blank is auto, {@code ${VAR}} is checked at run time. */
    static FormValidation checkMode(String value) {
        String mode = Util.fixEmptyAndTrim(value);
        if (mode == null || mode.contains("${")) {
            return FormValidation.ok();
        }
        try {
            DeployMode.parse(mode);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(Messages.DeployExecution_invalidMode(mode));
        }
    }

    static ListBoxModel authMethodItems() {
        ListBoxModel items = new ListBoxModel();
        for (ClientAuthMethod method : ClientAuthMethod.values()) {
            items.add(method.wireName());
        }
        return items;
    }

    /** A step's or action's arguments, as Pipeline binds them and the snippet generator lists them. */
    static List<String> argumentNames(Class<?> describable) {
        return DescribableModel.of(describable).getParameters().stream().map(DescribableParameter::getName).toList();
    }
}
