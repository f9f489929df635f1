from django.urls import path

from images import views

app_name = "images"

urlpatterns = [
    path("<int:pk>/<str:spec>", views.rendition, name="rendition"),
]
