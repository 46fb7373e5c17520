package dev.pronto.servlet.jsp;

import jakarta.servlet.descriptor.JspPropertyGroupDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One {@code jsp-property-group} (Pages 4.0 §3.3): the pages its URL patterns select and the settings they get.
 * A setting left out of the descriptor is {@code null}, so the engine's default applies. Immutable.
 */
public record JspPropertyGroup(List<String> urlPatterns, String elIgnored, String errorOnELNotFound,
                               String pageEncoding, String scriptingInvalid, String isXml, List<String> includePreludes,
                               List<String> includeCodas, String deferredSyntaxAllowedAsLiteral,
                               String trimDirectiveWhitespaces, String defaultContentType, String buffer,
                               String errorOnUndeclaredNamespace) implements JspPropertyGroupDescriptor {

    public JspPropertyGroup {
        urlPatterns = List.copyOf(urlPatterns);
        includePreludes = List.copyOf(includePreludes);
        includeCodas = List.copyOf(includeCodas);
    }

    @Override
    public Collection<String> getUrlPatterns() {
        return new ArrayList<>(urlPatterns);
    }

    @Override
    public String getElIgnored() {
        return elIgnored;
    }

    @Override
    public String getErrorOnELNotFound() {
        return errorOnELNotFound;
    }

    @Override
    public String getPageEncoding() {
        return pageEncoding;
    }

    @Override
    public String getScriptingInvalid() {
        return scriptingInvalid;
    }

    @Override
    public String getIsXml() {
        return isXml;
    }

    @Override
    public Collection<String> getIncludePreludes() {
        return new ArrayList<>(includePreludes);
    }

    @Override
    public Collection<String> getIncludeCodas() {
        return new ArrayList<>(includeCodas);
    }

    @Override
    public String getDeferredSyntaxAllowedAsLiteral() {
        return deferredSyntaxAllowedAsLiteral;
    }

    @Override
    public String getTrimDirectiveWhitespaces() {
        return trimDirectiveWhitespaces;
    }

    @Override
    public String getDefaultContentType() {
        return defaultContentType;
    }

    @Override
    public String getBuffer() {
        return buffer;
    }

    @Override
    public String getErrorOnUndeclaredNamespace() {
        return errorOnUndeclaredNamespace;
    }
}
