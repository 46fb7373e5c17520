<%@ page contentType="text/plain; charset=UTF-8" %>page body
