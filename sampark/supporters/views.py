from django.http import HttpResponse


def profile(request, token):  # replaced by the profile page
    return HttpResponse(status=404)
