from django.urls import path

from glossary import views

urlpatterns = [
    path("terms/", views.terms_api, name="glossary_terms_api"),
    path("decode/", views.decode_api, name="glossary_decode_api"),
]
