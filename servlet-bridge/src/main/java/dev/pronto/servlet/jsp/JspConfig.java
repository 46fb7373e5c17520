package dev.pronto.servlet.jsp;

import jakarta.servlet.descriptor.JspConfigDescriptor;
import jakarta.servlet.descriptor.JspPropertyGroupDescriptor;
import jakarta.servlet.descriptor.TaglibDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code jsp-config} of a web application (Servlet 6.1 §14.4.25, Pages 4.0 §3): tag library locations and
 * property groups, as {@code ServletContext.getJspConfigDescriptor} returns it. Immutable.
 */
public record JspConfig(List<Taglib> taglibList, List<JspPropertyGroup> propertyGroupList)
        implements JspConfigDescriptor {

    public JspConfig {
        taglibList = List.copyOf(taglibList);
        propertyGroupList = List.copyOf(propertyGroupList);
    }

    /** This configuration followed by {@code other}'s (a fragment's {@code jsp-config} adds to the web.xml's). */
    public JspConfig plus(JspConfig other) {
        List<Taglib> taglibs = new ArrayList<>(taglibList);
        taglibs.addAll(other.taglibList);
        List<JspPropertyGroup> groups = new ArrayList<>(propertyGroupList);
        groups.addAll(other.propertyGroupList);
        return new JspConfig(taglibs, groups);
    }

    @Override
    public Collection<TaglibDescriptor> getTaglibs() {
        return List.copyOf(taglibList);
    }

    @Override
    public Collection<JspPropertyGroupDescriptor> getJspPropertyGroups() {
        return List.copyOf(propertyGroupList);
    }

    /** One {@code taglib}: a URI and the TLD's location in the application. */
    public record Taglib(String uri, String location) implements TaglibDescriptor {
        @Override
        public String getTaglibURI() {
            return uri;
        }

        @Override
        public String getTaglibLocation() {
            return location;
        }
    }
}
