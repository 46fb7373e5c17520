<%@ page contentType="text/plain; charset=UTF-8" %><% int x = "not a number"; %>${x}
