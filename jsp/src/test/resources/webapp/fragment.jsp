<%@ page contentType="text/plain; charset=UTF-8" %>[${param.part}]
